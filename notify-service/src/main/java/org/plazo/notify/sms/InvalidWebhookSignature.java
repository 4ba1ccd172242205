package org.plazo.notify.sms;

/**
 * A provider's webhook request whose signature is missing or wrong: it is refused with
 * 403 and changes nothing.
 */
public class InvalidWebhookSignature extends RuntimeException {

	public InvalidWebhookSignature(String provider) {
		super("The " + provider + " webhook request has a missing or invalid signature");
	}

}
