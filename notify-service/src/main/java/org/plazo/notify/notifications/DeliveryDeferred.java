package org.plazo.notify.notifications;

import org.plazo.events.deadlines.ReminderDue;

/**
 * A reminder that cannot be delivered yet but may be soon: its case is not known yet (its
 * CaseOpened travels on another topic). The consumer retries it for a bounded time, then
 * calls {@link ReminderDelivery#giveUp}. A provider's failure does not come here: the
 * notification is put off in MongoDB instead, without holding up the partition.
 */
public class DeliveryDeferred extends RuntimeException {

	private final transient ReminderDue reminder;

	private final FailureReason reason;

	DeliveryDeferred(ReminderDue reminder, FailureReason reason) {
		super("Reminder " + reminder.reminderId() + " deferred: " + reason);
		this.reminder = reminder;
		this.reason = reason;
	}

	public ReminderDue reminder() {
		return this.reminder;
	}

	public FailureReason reason() {
		return this.reason;
	}

}
