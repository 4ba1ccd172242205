package org.plazo.deadlines.reminders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The reminders of one slot falling due in one minute, listed in one document of
 * {@code reminder_buckets} by id: {@code {_id: "2026-07-06T14:00:00Z/7", at, slot, n,
 * ids: [...]}}. A reminder already due when stored is listed under the minute it was
 * stored in, so that it falls inside the windows being read. Public so that tools which
 * write reminders directly (benchmarks, fault tests) list them exactly as the store does.
 *
 * @param minute the minute, truncated
 * @param slot the slot of the reminders' case
 */
public record ReminderBucket(Instant minute, int slot) {

	public static ReminderBucket of(String caseId, Instant fireAt, Instant now) {
		Instant at = fireAt.isAfter(now) ? fireAt : now;
		return new ReminderBucket(at.truncatedTo(ChronoUnit.MINUTES), Reminder.slotOf(caseId));
	}

	static ReminderBucket of(Reminder reminder, Instant now) {
		return of(reminder.caseId(), reminder.fireAt(), now);
	}

	public String id() {
		return this.minute + "/" + this.slot;
	}

}
