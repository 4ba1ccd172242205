package org.plazo.notify.sms;

/**
 * One way out for SMS (the dev file, Twilio, an SMPP carrier). The application sends
 * through {@link SmsGateway}, which chooses among the configured providers.
 */
public interface SmsProvider {

	/**
	 * The name this provider is chosen by in {@code plazo.sms.provider} and
	 * {@code plazo.sms.secondary}.
	 * @return {@code dev}, {@code twilio} or {@code smpp}
	 */
	String name();

	/**
	 * Sends one SMS.
	 * @param message the message
	 * @return what the provider accepted
	 * @throws SmsNotSent when the provider did not accept it
	 */
	SmsReceipt send(SmsMessage message);

}
