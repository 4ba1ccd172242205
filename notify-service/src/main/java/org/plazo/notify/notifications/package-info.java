/**
 * Delivering due reminders: one notification per reminder and channel, claimed before the
 * provider is called, and its outcome published as a notification event.
 */
package org.plazo.notify.notifications;
