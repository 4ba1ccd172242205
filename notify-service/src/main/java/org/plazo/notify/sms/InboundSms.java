package org.plazo.notify.sms;

import java.time.Instant;

/**
 * An SMS a person sent to Plazo.
 *
 * @param provider the provider it came through
 * @param from the sender's number as the provider gave it (not yet checked)
 * @param text the body
 * @param receivedAt when it was received
 */
public record InboundSms(String provider, String from, String text, Instant receivedAt) {

	@Override
	public String toString() {
		// Phone numbers and message bodies are personal data: keep them out of logs.
		return "InboundSms[provider=" + this.provider + ", receivedAt=" + this.receivedAt + "]";
	}

}
