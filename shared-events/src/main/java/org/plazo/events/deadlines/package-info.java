/**
 * Events published by deadline-service on {@code plazo.deadline-events.v1}.
 */
package org.plazo.events.deadlines;
