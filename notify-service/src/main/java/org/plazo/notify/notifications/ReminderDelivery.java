package org.plazo.notify.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.email.EmailContent;
import org.plazo.notify.email.MailDelivery;
import org.plazo.notify.messages.ReminderMessages;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.outbox.EventOutbox;
import org.plazo.notify.privacy.ErasedCases;
import org.plazo.notify.recipients.Recipient;
import org.plazo.notify.recipients.RecipientDirectory;
import org.plazo.notify.sms.DeliveryReport;
import org.plazo.notify.sms.DeliveryReportHandler;
import org.plazo.notify.sms.SmsGateway;
import org.plazo.notify.sms.SmsMessage;
import org.plazo.notify.sms.SmsNotSent;
import org.plazo.notify.sms.SmsReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Delivers a due reminder to the person on the channel they chose, exactly once per
 * reminder and channel however often the reminder arrives: the notification is claimed in
 * MongoDB before the provider is called and marked sent after. People who did not consent
 * or opted out get nothing, and that is recorded rather than dropped.
 *
 * <p>
 * Nothing here holds up the Kafka partition: an SMS due in quiet hours, a provider's
 * transient failure or a rate limit puts the notification off ({@code DEFERRED} with a
 * {@code notBefore}), and {@link #sendDue()}, called by a poller, sends it when its time
 * comes. Providers' delivery reports move a sent notification to delivered or failed.
 */
@Service
public class ReminderDelivery implements DeliveryReportHandler {

	private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

	private final RecipientDirectory recipients;

	private final Notifications notifications;

	private final MessageRefs messageRefs;

	private final EventOutbox outbox;

	private final ReminderMessages messages;

	private final SmsGateway sms;

	private final MailDelivery mail;

	private final Escalations escalations;

	private final Clock clock;

	private final Duration lease;

	private final QuietHours quietHours;

	private final RetryPolicy retries;

	private final NotifyMetrics metrics;

	private final ErasedCases erased;

	ReminderDelivery(RecipientDirectory recipients, Notifications notifications, MessageRefs messageRefs,
			EventOutbox outbox, ReminderMessages messages, SmsGateway sms, MailDelivery mail, Escalations escalations,
			Clock clock, @Value("${plazo.notify.claim-lease}") Duration lease, QuietHours quietHours,
			RetryPolicy retries, NotifyMetrics metrics, ErasedCases erased) {
		this.recipients = recipients;
		this.notifications = notifications;
		this.messageRefs = messageRefs;
		this.outbox = outbox;
		this.messages = messages;
		this.sms = sms;
		this.mail = mail;
		this.escalations = escalations;
		this.clock = clock;
		this.lease = lease;
		this.quietHours = quietHours;
		this.retries = retries;
		this.metrics = metrics;
		this.erased = erased;
	}

	/**
	 * Delivers a reminder, unless it was delivered (or refused, or put off) before.
	 * @param reminder the reminder
	 * @throws DeliveryDeferred when the case is not known yet
	 */
	public void deliver(ReminderDue reminder) {
		if (this.erased.contains(reminder.caseId())) {
			// The person asked to be forgotten: nothing is sent or recorded for them.
			log.info("Reminder {} of an erased case dropped", reminder.reminderId());
			return;
		}
		Recipient recipient = this.recipients.find(reminder.caseId())
			.orElseThrow(() -> new DeliveryDeferred(reminder, FailureReason.UNKNOWN_RECIPIENT));
		claim(reminder, recipient.channel()).ifPresentOrElse((notification) -> attempt(notification, recipient),
				() -> log.info("Reminder {} was already handled on {}; nothing sent", reminder.reminderId(),
						recipient.channel()));
	}

	/**
	 * Records that a deferred reminder could not be delivered in time.
	 * @param reminder the reminder
	 * @param reason why
	 */
	public void giveUp(ReminderDue reminder, FailureReason reason) {
		if (this.erased.contains(reminder.caseId())) {
			return;
		}
		// An unknown recipient chose no channel; every case has a phone number.
		ContactChannel channel = this.recipients.find(reminder.caseId())
			.map(Recipient::channel)
			.orElse(ContactChannel.SMS);
		claim(reminder, channel).ifPresent((notification) -> {
			log.warn("Reminder {} could not be delivered on {}: {}", reminder.reminderId(), channel, reason);
			finish(notification.failed(reason, now()));
		});
	}

	/**
	 * Sends the deferred notifications whose time has come, each claimed by {@code _id}
	 * first so that two instances never send the same one. One query per call.
	 * @param limit at most this many
	 * @return how many were claimed
	 */
	public int sendDue(int limit) {
		Instant now = now();
		List<String> due = this.notifications.dueDeferred(now, limit);
		int claimed = 0;
		for (String id : due) {
			Optional<Notification> notification = this.notifications.claimDeferred(id, now, now.plus(this.lease));
			if (notification.isEmpty()) {
				continue;
			}
			claimed++;
			Notification taken = notification.get();
			try {
				this.recipients.find(taken.caseId())
					.ifPresentOrElse((recipient) -> attempt(taken, recipient),
							() -> finish(taken.failed(FailureReason.UNKNOWN_RECIPIENT, now())));
			}
			catch (RuntimeException ex) {
				// Released: the lease lets the next poll take it again.
				log.error("Deferred notification {} could not be sent ({})", id, ex.getClass().getName());
			}
		}
		return claimed;
	}

	/**
	 * Re-queues a failed notification at an operator's request: the deferred sender
	 * claims and sends it on its next poll, after checking consent, opt-out and quiet
	 * hours again, exactly as any deferred delivery. Failures the person chose (opted
	 * out, no consent) are never re-queued.
	 * @param notificationId the notification
	 * @return whether it was re-queued; {@code false} when it is not failed (any more),
	 * or failed by the person's choice
	 */
	public boolean requeueFailed(String notificationId) {
		boolean requeued = this.notifications.requeueFailed(notificationId, now());
		if (requeued) {
			log.info("Notification {} re-queued by an operator", notificationId);
		}
		return requeued;
	}

	/**
	 * Sends the escalation emails still due. One query per call.
	 * @param limit at most this many
	 */
	public void escalatePending(int limit) {
		this.notifications.pendingEscalations(limit).forEach(this::escalate);
	}

	/**
	 * Records what a provider reported about a message it accepted.
	 * @param report the report
	 */
	@Override
	public void onReport(DeliveryReport report) {
		Optional<Notification> found = this.messageRefs.notificationOf(report.provider(), report.messageId())
			.flatMap(this.notifications::find);
		if (found.isEmpty()) {
			// Replies to people's messages are not notifications; nor is a report that
			// overtook the save of its send.
			log.info("Delivery report from {} for a message that is not a recorded notification", report.provider());
			return;
		}
		Notification notification = found.get();
		boolean changed = (report.outcome() == DeliveryReport.Outcome.DELIVERED)
				? notification.delivered(report.reportedAt())
				: notification.undelivered(report.errorCode(), report.reportedAt());
		if (changed) {
			finish(notification);
		}
	}

	private Optional<Notification> claim(ReminderDue reminder, ContactChannel channel) {
		Instant now = now();
		return this.notifications.claim(Notification.claim(reminder, channel, now, now.plus(this.lease)), now);
	}

	private void attempt(Notification notification, Recipient recipient) {
		Notification outcome;
		try {
			outcome = refusal(recipient, notification.channel()).map((reason) -> notification.failed(reason, now()))
				.or(() -> quiet(notification))
				.orElseGet(() -> transmit(notification, recipient));
		}
		catch (RuntimeException ex) {
			// Nothing was sent: let the retry claim it again at once.
			this.notifications.release(notification.id(), now());
			throw ex;
		}
		finish(outcome);
	}

	private static Optional<FailureReason> refusal(Recipient recipient, ContactChannel channel) {
		if (!recipient.consentToContact()) {
			return Optional.of(FailureReason.NO_CONSENT);
		}
		if (recipient.optedOut()) {
			return Optional.of(FailureReason.OPTED_OUT);
		}
		if (!StringUtils.hasText(recipient.address(channel))) {
			return Optional.of(FailureReason.NO_ADDRESS);
		}
		return Optional.empty();
	}

	private Optional<Notification> quiet(Notification notification) {
		if (notification.channel() != ContactChannel.SMS) {
			return Optional.empty();
		}
		return this.quietHours.deferUntil(now()).map((end) -> notification.defer(end, "QUIET_HOURS", null, now()));
	}

	private Notification transmit(Notification notification, Recipient recipient) {
		String address = recipient.address(notification.channel());
		ReminderDue reminder = notification.reminder();
		Instant now = now();
		if (notification.channel() == ContactChannel.SMS) {
			SmsMessage message = new SmsMessage(notification.id(), notification.caseId(), address,
					this.messages.sms(reminder, recipient.language(), now));
			try {
				SmsReceipt receipt = this.sms.send(message);
				receipt.messageIds()
					.forEach((messageId) -> this.messageRefs.record(receipt.provider(), messageId, notification.id()));
				return notification.sent(receipt.provider(), receipt.segments(), receipt.messageIds(), now());
			}
			catch (SmsNotSent ex) {
				log.warn("Notification {} was not accepted by {}: {} {}", notification.id(), ex.provider(), ex.kind(),
						ex.code());
				return switch (ex.kind()) {
					case PERMANENT -> notification.failed(FailureReason.PROVIDER_REJECTED, ex.code(), now());
					case RATE_LIMITED -> notification.defer(
							now().plus((ex.retryAfter() != null) ? ex.retryAfter() : Duration.ofSeconds(1)),
							"RATE_LIMITED", ex.code(), now());
					case TRANSIENT -> retryLater(notification, ex.code());
				};
			}
		}
		EmailContent content = this.messages.email(reminder, recipient.language(), now);
		try {
			this.mail.send(address, content);
		}
		catch (MailPreparationException ex) {
			return notification.failed(FailureReason.PROVIDER_REJECTED, "MAIL_PREPARATION", now());
		}
		catch (MailException ex) {
			// The exception's message may quote the address: log its type only.
			log.warn("Notification {} was not accepted by the SMTP server ({})", notification.id(),
					ex.getClass().getName());
			return retryLater(notification, ex.getClass().getSimpleName());
		}
		return notification.sent(MailDelivery.PROVIDER, 0, List.of(), now());
	}

	private Notification retryLater(Notification notification, String code) {
		return this.retries.next(notification.attempts(), notification.createdAt(), now())
			.map((next) -> notification.defer(next, "RETRY", code, now()))
			.orElseGet(() -> notification.failed(FailureReason.PROVIDER_ERROR, code, now()));
	}

	private void finish(Notification outcome) {
		this.notifications.save(outcome);
		count(outcome);
		switch (outcome.status()) {
			case SENT -> log.info("Notification {} sent by {} ({} segments)", outcome.id(), outcome.provider(),
					outcome.segments());
			case DEFERRED -> log.info("Notification {} put off until {} ({})", outcome.id(), outcome.notBefore(),
					outcome.deferredFor());
			default -> log.info("Notification {} {}: {}", outcome.id(), outcome.status(), outcome.failureReason());
		}
		this.outbox.publish(Notification.COLLECTION, outcome.id(), outcome.outbox());
		if (outcome.escalation() == Notification.Escalation.PENDING && outcome.status() == Notification.Status.FAILED) {
			escalate(outcome);
		}
	}

	private void count(Notification outcome) {
		String channel = outcome.channel().name();
		switch (outcome.status()) {
			case SENT -> {
				this.metrics.delivery(channel, outcome.provider(), "sent");
				if (outcome.channel() == ContactChannel.SMS) {
					this.metrics.smsSegments(outcome.provider(), outcome.segments());
				}
			}
			case DELIVERED -> this.metrics.delivery(channel, outcome.provider(), "delivered");
			case DEFERRED -> this.metrics.delivery(channel, null, "deferred");
			case FAILED -> {
				String reason = String.valueOf(outcome.failureReason());
				this.metrics.delivery(channel, outcome.provider(), reason);
				if (outcome.critical()) {
					this.metrics.criticalFailure(channel);
				}
			}
			default -> {
				// SENDING is never saved as an outcome.
			}
		}
	}

	void escalate(Notification notification) {
		if (this.escalations.escalate(notification)) {
			this.notifications.markEscalated(notification.id(), now());
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

}
