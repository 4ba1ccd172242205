package org.plazo.notify.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.email.EmailContent;
import org.plazo.notify.email.MailDelivery;
import org.plazo.notify.messages.ReminderMessages;
import org.plazo.notify.recipients.Recipient;
import org.plazo.notify.recipients.RecipientDirectory;
import org.plazo.notify.sms.SmsGateway;
import org.plazo.notify.sms.SmsMessage;
import org.plazo.notify.sms.SmsReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Delivers a due reminder to the person on the channel they chose, exactly once per
 * reminder and channel however often the reminder arrives: the notification is claimed in
 * MongoDB before the provider is called and marked sent after. People who did not consent
 * get nothing, and that is recorded as a failure rather than dropped.
 */
@Service
public class ReminderDelivery {

	private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

	private final RecipientDirectory recipients;

	private final Notifications notifications;

	private final NotificationRelay relay;

	private final ReminderMessages messages;

	private final SmsGateway sms;

	private final MailDelivery mail;

	private final Clock clock;

	private final Duration lease;

	ReminderDelivery(RecipientDirectory recipients, Notifications notifications, NotificationRelay relay,
			ReminderMessages messages, SmsGateway sms, MailDelivery mail, Clock clock,
			@Value("${plazo.notify.claim-lease}") Duration lease) {
		this.recipients = recipients;
		this.notifications = notifications;
		this.relay = relay;
		this.messages = messages;
		this.sms = sms;
		this.mail = mail;
		this.clock = clock;
		this.lease = lease;
	}

	/**
	 * Delivers a reminder, unless it was delivered (or refused) before.
	 * @param reminder the reminder
	 * @throws DeliveryDeferred when the case is not known yet or the provider failed
	 */
	public void deliver(ReminderDue reminder) {
		Recipient recipient = this.recipients.find(reminder.caseId())
			.orElseThrow(() -> new DeliveryDeferred(reminder, FailureReason.UNKNOWN_RECIPIENT));
		claim(reminder, recipient.channel()).ifPresentOrElse(
				(notification) -> deliver(notification, recipient, reminder),
				() -> log.info("Reminder {} was already handled on {}; nothing sent", reminder.reminderId(),
						recipient.channel()));
	}

	/**
	 * Records that a deferred reminder could not be delivered in time.
	 * @param reminder the reminder
	 * @param reason why
	 */
	public void giveUp(ReminderDue reminder, FailureReason reason) {
		// An unknown recipient chose no channel; every case has a phone number.
		ContactChannel channel = this.recipients.find(reminder.caseId())
			.map(Recipient::channel)
			.orElse(ContactChannel.SMS);
		claim(reminder, channel).ifPresent((notification) -> {
			log.warn("Reminder {} could not be delivered on {}: {}", reminder.reminderId(), channel, reason);
			finish(notification.failed(reason, now()));
		});
	}

	private Optional<Notification> claim(ReminderDue reminder, ContactChannel channel) {
		Instant now = now();
		return this.notifications.claim(Notification.claim(reminder, channel, now, now.plus(this.lease)), now);
	}

	private void deliver(Notification notification, Recipient recipient, ReminderDue reminder) {
		Notification outcome;
		try {
			outcome = refusal(recipient).map((reason) -> notification.failed(reason, now()))
				.orElseGet(() -> transmit(notification, recipient, reminder));
		}
		catch (RuntimeException ex) {
			// Nothing was sent: let the retry claim it again at once.
			this.notifications.release(notification.id(), now());
			throw ex;
		}
		finish(outcome);
	}

	private static Optional<FailureReason> refusal(Recipient recipient) {
		if (!recipient.consentToContact()) {
			return Optional.of(FailureReason.NO_CONSENT);
		}
		if (!StringUtils.hasText(recipient.address(recipient.channel()))) {
			return Optional.of(FailureReason.NO_ADDRESS);
		}
		return Optional.empty();
	}

	private Notification transmit(Notification notification, Recipient recipient, ReminderDue reminder) {
		String address = recipient.address(notification.channel());
		return switch (notification.channel()) {
			case SMS -> {
				SmsMessage message = new SmsMessage(notification.id(), notification.caseId(), address,
						this.messages.sms(reminder, recipient.language()));
				SmsReceipt receipt = viaProvider(reminder, notification, () -> this.sms.send(message));
				yield notification.sent(receipt.provider(), receipt.segments(), now());
			}
			case EMAIL -> {
				EmailContent content = this.messages.email(reminder, recipient.language());
				viaProvider(reminder, notification, () -> {
					this.mail.send(address, content);
					return MailDelivery.PROVIDER;
				});
				yield notification.sent(MailDelivery.PROVIDER, 0, now());
			}
		};
	}

	private <T> T viaProvider(ReminderDue reminder, Notification notification, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			// A provider's message may quote the address: log the exception type only.
			log.warn("Notification {} was not accepted by the {} provider ({})", notification.id(),
					notification.channel(), ex.getClass().getName());
			throw new DeliveryDeferred(reminder, FailureReason.PROVIDER_ERROR);
		}
	}

	private void finish(Notification outcome) {
		this.notifications.save(outcome);
		if (outcome.status() == Notification.Status.SENT) {
			log.info("Notification {} sent by {} ({} segments)", outcome.id(), outcome.provider(), outcome.segments());
		}
		else {
			log.info("Notification {} failed: {}", outcome.id(), outcome.failureReason());
		}
		this.relay.publish(outcome);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
