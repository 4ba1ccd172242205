/**
 * Delivering due reminders: one notification per reminder and channel, claimed before the
 * provider is called, put off for quiet hours, retries and rate limits, followed to its
 * delivery report, escalated when a short term's reminder fails, and each outcome
 * published as a notification event.
 */
package org.plazo.notify.notifications;
