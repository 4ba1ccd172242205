package org.plazo.notify.sms;

import java.util.Objects;

/**
 * An SMS to send.
 *
 * @param notificationId the delivery record it belongs to
 * @param caseId the case, for the reader of a dev outbox
 * @param to the E.164 phone number
 * @param text the body
 */
public record SmsMessage(String notificationId, String caseId, String to, String text) {

	public SmsMessage {
		Objects.requireNonNull(notificationId, "notificationId");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(text, "text");
	}

	@Override
	public String toString() {
		// Phone numbers and message bodies are personal data: keep them out of logs.
		return "SmsMessage[notificationId=" + this.notificationId + "]";
	}

}
