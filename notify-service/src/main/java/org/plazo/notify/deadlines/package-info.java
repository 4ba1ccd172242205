/**
 * What notify-service knows of each case's deadlines, kept from the deadline stream, so a
 * person who texts PLAZO hears of their next one.
 */
package org.plazo.notify.deadlines;
