package org.plazo.notify.abuse;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits of the public endpoints, {@code plazo.abuse.*}; defaults in
 * {@code notify-service.properties}. Each limit is a token bucket: {@code limit} requests
 * at once, refilled evenly over {@code per}.
 *
 * @param enabled whether the limits apply at all
 * @param sender inbound SMS from one number: beyond this they are not answered
 * @param webhookClient requests to the SMS webhooks from one client address (the
 * provider's own addresses carry every delivery report, so this is generous)
 * @param client partner API requests from one client address
 * @param apiKey partner API requests carrying one credential
 * @param maxKeys the most senders, clients and keys remembered at once (least recently
 * seen forgotten first)
 */
@ConfigurationProperties("plazo.abuse")
record AbuseProperties(boolean enabled, Limit sender, Limit webhookClient, Limit client, Limit apiKey, int maxKeys) {

	/**
	 * @param limit the most requests at once
	 * @param per the time in which a spent limit refills
	 */
	record Limit(int limit, Duration per) {

		double perSecond() {
			return this.limit / (this.per.toNanos() / 1e9);
		}

	}

}
