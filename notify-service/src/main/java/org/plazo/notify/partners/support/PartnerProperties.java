package org.plazo.notify.partners.support;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the partner features, {@code plazo.partners.*}; defaults in
 * {@code notify-service.properties}.
 *
 * @param operatorEmail where alerts about disabled endpoints go; empty: only logged
 * @param allowHttp accept {@code http://} endpoints (dev and tests only)
 * @param allowLoopback accept endpoints on loopback addresses (dev and tests only)
 * @param publicUrl the service's address as partners reach it, for calendar links
 * @param secretOverlap how long a rotated-out signing secret still signs
 * @param retention how long fanned-out events and finished deliveries are kept
 * @param delivery webhook delivery
 * @param calendar calendar feeds
 * @param consumer the Kafka consumer of the partner features
 */
@ConfigurationProperties("plazo.partners")
public record PartnerProperties(String operatorEmail, boolean allowHttp, boolean allowLoopback, String publicUrl,
		Duration secretOverlap, Duration retention, Delivery delivery, Calendar calendar, Consumer consumer) {

	/**
	 * @param pollInterval how often due deliveries are looked for (one query each time)
	 * @param batch at most this many deliveries in flight at once
	 * @param threads senders working at once
	 * @param timeout the longest one attempt may take, connection included
	 * @param lease how long a claimed delivery stays with the instance sending it
	 * @param schedule the pause before each attempt: the first is the first attempt
	 * @param jitter each pause grows by a random share of itself up to this fraction
	 * @param disableAfter an endpoint failing this long is disabled
	 */
	public record Delivery(Duration pollInterval, int batch, int threads, Duration timeout, Duration lease,
			List<Duration> schedule, double jitter, Duration disableAfter) {

	}

	/**
	 * @param cache how long a rendered calendar is served before it is built again
	 */
	public record Calendar(Duration cache) {

	}

	/**
	 * @param retryFor how long a record that fails for a reason other than its content is
	 * retried before it is logged and skipped
	 */
	public record Consumer(Duration retryFor) {

	}

}
