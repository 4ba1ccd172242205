package org.plazo.deadlines.tracking;

import java.time.Instant;

/**
 * A reminder scheduled for a deadline, as the case's document remembers it.
 *
 * @param reminderId the reminder document's id
 * @param fireAt when it fires
 * @param purpose REMIND or EXPIRE
 */
record ScheduledReminder(String reminderId, Instant fireAt, String purpose) {

}
