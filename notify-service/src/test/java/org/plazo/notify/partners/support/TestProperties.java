package org.plazo.notify.partners.support;

import java.time.Duration;
import java.util.List;

/**
 * The partner settings of {@code notify-service.properties}, for tests without Spring,
 * with http and loopback allowed as in dev.
 */
public final class TestProperties {

	public static final List<Duration> SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(10), Duration.ofHours(24), Duration.ofHours(24));

	private TestProperties() {
	}

	public static PartnerProperties partners(boolean allowLoopback) {
		return new PartnerProperties("operaciones@plazo.example.org", true, allowLoopback, "http://localhost:8083",
				Duration.ofHours(24), Duration.ofDays(30),
				new PartnerProperties.Delivery(Duration.ofSeconds(1), 100, 2, Duration.ofSeconds(2),
						Duration.ofMinutes(1), SCHEDULE, 0.2, Duration.ofDays(5)),
				new PartnerProperties.Calendar(Duration.ofMinutes(5)),
				new PartnerProperties.Consumer(Duration.ofMinutes(1)));
	}

}
