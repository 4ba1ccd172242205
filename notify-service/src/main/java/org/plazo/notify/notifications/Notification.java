package org.plazo.notify.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.notifications.NotificationDelivered;
import org.plazo.events.notifications.NotificationEvent;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.events.notifications.NotificationSent;
import org.plazo.notify.outbox.PendingEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The delivery of one reminder on one channel. Its id is made of the reminder id and the
 * channel, so a second delivery of the same reminder on the same channel cannot be
 * recorded: whoever inserts the document first owns the delivery. It keeps what the
 * reminder said, so a delivery put off (quiet hours, a provider's trouble) can be sent
 * later without the event.
 *
 * <p>
 * Each outcome records the event it causes in the document's outbox, so the state and the
 * event are saved in one write and published afterwards.
 */
@Document(Notification.COLLECTION)
class Notification {

	static final String COLLECTION = "notifications";

	private static final ZoneId PANAMA = ZoneId.of("America/Panama");

	/** Five-business-day terms: a reminder that does not arrive is escalated. */
	private static final Set<String> SHORT_TERMS = Set.of("RECONSIDERATION", "APPEAL");

	enum Status {

		/** Claimed by an instance that is sending it until {@code leaseUntil}. */
		SENDING,

		/** Put off until {@code notBefore}: quiet hours, a retry, a rate limit. */
		DEFERRED,

		/** A provider accepted it. */
		SENT,

		/** The provider reported it reached the phone. */
		DELIVERED,

		/** It was not sent or did not arrive, and will not be sent again. */
		FAILED

	}

	/** Whether someone must hear that this reminder did not reach the person. */
	enum Escalation {

		/** Nobody needs to. */
		NONE,

		/** An escalation email is due. */
		PENDING,

		/** It was sent. */
		SENT

	}

	@Id
	private String id;

	private String caseId;

	private String reminderId;

	private String deadlineId;

	private String kind;

	private LocalDate lastDay;

	private Instant dueAt;

	private String legalBasis;

	private Instant scheduledFor;

	private ContactChannel channel;

	private Status status;

	private Instant leaseUntil;

	private Instant notBefore;

	private String deferredFor;

	private int attempts;

	private String provider;

	private int segments;

	private List<String> providerMessageIds = new ArrayList<>();

	private FailureReason failureReason;

	private String providerCode;

	private Escalation escalation = Escalation.NONE;

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
		notification.lastDay = reminder.lastDay();
		notification.dueAt = reminder.dueAt();
		notification.legalBasis = reminder.legalBasis();
		notification.scheduledFor = reminder.scheduledFor();
		notification.channel = channel;
		notification.status = Status.SENDING;
		notification.leaseUntil = leaseUntil;
		notification.attempts = 1;
		notification.createdAt = now;
		notification.updatedAt = now;
		return notification;
	}

	/**
	 * The reminder this notification delivers, as it arrived.
	 * @return the reminder
	 */
	ReminderDue reminder() {
		return new ReminderDue(this.caseId, this.reminderId, this.deadlineId, this.kind, this.lastDay, this.dueAt,
				this.legalBasis, this.scheduledFor);
	}

	Notification sent(String provider, int segments, List<String> messageIds, Instant at) {
		finish(Status.SENT, at);
		this.provider = provider;
		this.segments = segments;
		this.providerMessageIds = new ArrayList<>(messageIds);
		record("sent", new NotificationSent(this.caseId, this.id, this.reminderId, this.channel.name(), provider,
				segments, at), at);
		return this;
	}

	Notification failed(FailureReason reason, String providerCode, Instant at) {
		finish(Status.FAILED, at);
		fail(reason, providerCode, at);
		return this;
	}

	Notification failed(FailureReason reason, Instant at) {
		return failed(reason, null, at);
	}

	/**
	 * Puts the delivery off; the deferred sender claims it again at {@code notBefore}.
	 * @param notBefore when it may be sent
	 * @param why what it waits for ({@code QUIET_HOURS}, {@code RETRY},
	 * {@code RATE_LIMITED})
	 * @param providerCode the provider's error code, if a failure caused it
	 * @param at the current time
	 * @return this notification
	 */
	Notification defer(Instant notBefore, String why, String providerCode, Instant at) {
		requireStatus(Status.SENDING);
		this.status = Status.DEFERRED;
		this.leaseUntil = null;
		this.notBefore = notBefore;
		this.deferredFor = why;
		this.providerCode = providerCode;
		this.updatedAt = at;
		return this;
	}

	/**
	 * The provider reported that the message reached the phone.
	 * @param at when the report came
	 * @return whether anything changed (a repeated report changes nothing)
	 */
	boolean delivered(Instant at) {
		if (this.status != Status.SENT) {
			return false;
		}
		this.status = Status.DELIVERED;
		this.updatedAt = at;
		record("delivered", new NotificationDelivered(this.caseId, this.id, this.reminderId, this.channel.name(),
				this.provider, at), at);
		return true;
	}

	/**
	 * The provider reported that the message did not reach the phone.
	 * @param providerCode the provider's error code, or {@code null}
	 * @param at when the report came
	 * @return whether anything changed
	 */
	boolean undelivered(String providerCode, Instant at) {
		if (this.status != Status.SENT) {
			return false;
		}
		this.status = Status.FAILED;
		this.updatedAt = at;
		fail(FailureReason.UNDELIVERED, providerCode, at);
		return true;
	}

	void escalated(Instant at) {
		this.escalation = Escalation.SENT;
		this.updatedAt = at;
	}

	/**
	 * Whether a reminder that does not reach the person must be escalated: one of a
	 * five-business-day term, or one sent on the last day.
	 * @return {@code true} when it must
	 */
	boolean critical() {
		if (this.kind == null || this.lastDay == null || this.scheduledFor == null) {
			// Erased: nobody is to be told any more.
			return false;
		}
		return SHORT_TERMS.contains(this.kind) || this.lastDay.equals(LocalDate.ofInstant(this.scheduledFor, PANAMA));
	}

	private void fail(FailureReason reason, String providerCode, Instant at) {
		this.failureReason = reason;
		this.providerCode = providerCode;
		if (critical()) {
			this.escalation = Escalation.PENDING;
		}
		// One failure per notification, so its id and outcome make a stable event id.
		record("failed", new NotificationFailed(this.caseId, this.id, this.reminderId, this.channel.name(),
				reason.name(), reason.permanent(), at), at);
	}

	private void finish(Status outcome, Instant at) {
		requireStatus(Status.SENDING);
		this.status = outcome;
		this.leaseUntil = null;
		this.notBefore = null;
		this.deferredFor = null;
		this.updatedAt = at;
	}

	private void requireStatus(Status expected) {
		if (this.status != expected) {
			throw new IllegalStateException("Notification " + this.id + " is " + this.status + ", not " + expected);
		}
	}

	private void record(String outcome, NotificationEvent event, Instant at) {
		this.outbox.add(PendingEvent.of(this.id + ":" + outcome, event, at));
	}

	String id() {
		return this.id;
	}

	String caseId() {
		return this.caseId;
	}

	String kind() {
		return this.kind;
	}

	LocalDate lastDay() {
		return this.lastDay;
	}

	Instant dueAt() {
		return this.dueAt;
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

	Instant notBefore() {
		return this.notBefore;
	}

	String deferredFor() {
		return this.deferredFor;
	}

	int attempts() {
		return this.attempts;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	String provider() {
		return this.provider;
	}

	int segments() {
		return this.segments;
	}

	List<String> providerMessageIds() {
		return List.copyOf(this.providerMessageIds);
	}

	FailureReason failureReason() {
		return this.failureReason;
	}

	String providerCode() {
		return this.providerCode;
	}

	Escalation escalation() {
		return this.escalation;
	}

	List<PendingEvent> outbox() {
		return List.copyOf(this.outbox);
	}

}
