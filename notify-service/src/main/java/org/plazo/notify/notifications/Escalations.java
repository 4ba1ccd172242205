package org.plazo.notify.notifications;

import org.plazo.notify.email.MailDelivery;
import org.plazo.notify.messages.ReminderMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells a person who can act that a reminder of a five-business-day term, or one sent on
 * a deadline's last day, did not reach the applicant: by email to
 * {@code plazo.notify.escalation.email} (the caseworker or NGO of each case comes later).
 * The email names the case, the deadline and the reason, and no contact data.
 */
@Component
class Escalations {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	private final MailDelivery mail;

	private final ReminderMessages messages;

	private final String address;

	Escalations(MailDelivery mail, ReminderMessages messages,
			@Value("${plazo.notify.escalation.email:}") String address) {
		this.mail = mail;
		this.messages = messages;
		this.address = address;
		if (!StringUtils.hasText(address)) {
			log.warn("plazo.notify.escalation.email is not set: failed reminders of short terms are not escalated");
		}
	}

	/**
	 * Sends the escalation email of a failed notification.
	 * @param notification the notification
	 * @return whether it was sent (when not, it stays due and the poller tries again)
	 */
	boolean escalate(Notification notification) {
		if (!StringUtils.hasText(this.address)) {
			return false;
		}
		try {
			this.mail.send(this.address,
					this.messages.escalation(notification.caseId(), notification.id(), notification.kind(),
							notification.lastDay(), notification.dueAt(), notification.channel().name(),
							String.valueOf(notification.failureReason())));
			log.info("Notification {} escalated by email", notification.id());
			return true;
		}
		catch (MailException ex) {
			log.warn("Escalation of notification {} not sent yet ({})", notification.id(), ex.getClass().getName());
			return false;
		}
	}

}
