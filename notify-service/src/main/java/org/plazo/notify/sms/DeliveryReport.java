package org.plazo.notify.sms;

import java.time.Instant;

/**
 * A provider's word on what became of an SMS it accepted (a Twilio status callback, an
 * SMPP delivery receipt). Intermediate states (queued, sent, en route) are not reported.
 *
 * @param provider the provider
 * @param messageId the provider's id of the message
 * @param outcome delivered or not
 * @param errorCode the provider's error code, or {@code null}
 * @param reportedAt when it was received
 */
public record DeliveryReport(String provider, String messageId, Outcome outcome, String errorCode, Instant reportedAt) {

	/** What became of the message. */
	public enum Outcome {

		/** The operator confirmed it reached the phone. */
		DELIVERED,

		/** It did not reach the phone and will not. */
		UNDELIVERED

	}

}
