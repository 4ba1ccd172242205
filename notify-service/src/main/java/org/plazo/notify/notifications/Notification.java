package org.plazo.notify.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.notifications.NotificationEvent;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.events.notifications.NotificationSent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The delivery of one reminder on one channel. Its id is made of the reminder id and the
 * channel, so a second delivery of the same reminder on the same channel cannot be
 * recorded: whoever inserts the document first owns the delivery.
 *
 * <p>
 * Each outcome records the event it causes in the document's outbox, so the state and the
 * event are saved in one write and published afterwards.
 */
@Document("notifications")
class Notification {

	enum Status {

		/** Claimed by an instance that is sending it until {@code leaseUntil}. */
		SENDING,

		/** A provider accepted it. */
		SENT,

		/** It was not sent and will not be. */
		FAILED

	}

	@Id
	private String id;

	private String caseId;

	private String reminderId;

	private String deadlineId;

	private String kind;

	private ContactChannel channel;

	private Status status;

	private Instant leaseUntil;

	private int attempts;

	private String provider;

	private int segments;

	private FailureReason failureReason;

	private Instant createdAt;

	private Instant updatedAt;

	private List<PendingEvent> outbox = new ArrayList<>();

	private Notification() {
		// for the object mapper
	}

	static String idOf(String reminderId, ContactChannel channel) {
		return reminderId + ":" + channel.name();
	}

	/**
	 * A new claim on the delivery of a reminder on a channel.
	 * @param reminder the reminder
	 * @param channel the channel
	 * @param now the current time
	 * @param leaseUntil until when the claimant may send before another may take over
	 * @return the claim, to be inserted
	 */
	static Notification claim(ReminderDue reminder, ContactChannel channel, Instant now, Instant leaseUntil) {
		Notification notification = new Notification();
		notification.id = idOf(reminder.reminderId(), channel);
		notification.caseId = reminder.caseId();
		notification.reminderId = reminder.reminderId();
		notification.deadlineId = reminder.deadlineId();
		notification.kind = reminder.kind();
		notification.channel = channel;
		notification.status = Status.SENDING;
		notification.leaseUntil = leaseUntil;
		notification.attempts = 1;
		notification.createdAt = now;
		notification.updatedAt = now;
		return notification;
	}

	Notification sent(String provider, int segments, Instant at) {
		finish(Status.SENT, at);
		this.provider = provider;
		this.segments = segments;
		record("sent", new NotificationSent(this.caseId, this.id, this.reminderId, this.channel.name(), provider,
				segments, at), at);
		return this;
	}

	Notification failed(FailureReason reason, Instant at) {
		finish(Status.FAILED, at);
		this.failureReason = reason;
		record("failed", new NotificationFailed(this.caseId, this.id, this.reminderId, this.channel.name(),
				reason.name(), reason.permanent(), at), at);
		return this;
	}

	private void finish(Status outcome, Instant at) {
		if (this.status != Status.SENDING) {
			throw new IllegalStateException("Notification " + this.id + " is already " + this.status);
		}
		this.status = outcome;
		this.leaseUntil = null;
		this.updatedAt = at;
	}

	private void record(String outcome, NotificationEvent event, Instant at) {
		// One outcome per notification, so its id and outcome make a stable event id.
		this.outbox.add(PendingEvent.of(this.id + ":" + outcome, event, at));
	}

	String id() {
		return this.id;
	}

	String caseId() {
		return this.caseId;
	}

	ContactChannel channel() {
		return this.channel;
	}

	Status status() {
		return this.status;
	}

	Instant leaseUntil() {
		return this.leaseUntil;
	}

	int attempts() {
		return this.attempts;
	}

	String provider() {
		return this.provider;
	}

	int segments() {
		return this.segments;
	}

	FailureReason failureReason() {
		return this.failureReason;
	}

	List<PendingEvent> outbox() {
		return List.copyOf(this.outbox);
	}

}
