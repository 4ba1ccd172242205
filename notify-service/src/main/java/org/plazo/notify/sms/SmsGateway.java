package org.plazo.notify.sms;

/**
 * Sends one SMS through a provider. Implementations throw when the provider does not
 * accept the message; they never put the phone number or the text in an exception message
 * or a log.
 */
public interface SmsGateway {

	SmsReceipt send(SmsMessage message);

}
