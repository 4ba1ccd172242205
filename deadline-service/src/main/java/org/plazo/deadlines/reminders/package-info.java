/**
 * Reminders: stored in MongoDB, loaded a time window at a time, fired by Quartz at their
 * exact instant, claimed by id with a lease, published as {@code ReminderDue}.
 */
package org.plazo.deadlines.reminders;
