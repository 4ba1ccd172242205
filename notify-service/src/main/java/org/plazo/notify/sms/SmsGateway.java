package org.plazo.notify.sms;

/**
 * Sends one SMS through the configured provider, falling back to the secondary one when
 * the primary fails transiently or is rate-limited. Implementations throw
 * {@link SmsNotSent} when no provider accepts the message; they never put the phone
 * number or the text in an exception message or a log.
 */
public interface SmsGateway {

	/** Longest body accepted, in characters (Unicode code points), as Twilio's API. */
	int MAX_CHARACTERS = 1600;

	SmsReceipt send(SmsMessage message);

}
