/**
 * Events published by notify-service on {@code plazo.notification-events.v1}.
 */
package org.plazo.events.notifications;
