package org.plazo.notify.partners.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.plazo.notify.partners.support.TestProperties;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

	@Test
	void spansMoreThanSeventyFiveHoursEvenWithoutJitter() {
		RetrySchedule schedule = new RetrySchedule(TestProperties.SCHEDULE, 0.2, () -> 0.0);
		Instant at = NOW;
		for (int made = 1; made < schedule.attempts(); made++) {
			at = schedule.next(made, at, Optional.empty()).orElseThrow();
		}
		assertThat(Duration.between(NOW, at)).isGreaterThanOrEqualTo(Duration.ofHours(75));
		assertThat(schedule.next(schedule.attempts(), at, Optional.empty())).isEmpty();
	}

	@Test
	void jitterOnlyLengthensAPause() {
		RetrySchedule schedule = new RetrySchedule(TestProperties.SCHEDULE, 0.2, () -> 0.999);
		Instant next = schedule.next(2, NOW, Optional.empty()).orElseThrow();
		assertThat(Duration.between(NOW, next)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(6));
	}

	@Test
	void honoursALongerRetryAfterButNoLongerThanADay() {
		RetrySchedule schedule = new RetrySchedule(TestProperties.SCHEDULE, 0.0, () -> 0.0);
		assertThat(schedule.next(1, NOW, Optional.of(Duration.ofMinutes(2)))).hasValue(NOW.plus(Duration.ofMinutes(2)));
		assertThat(schedule.next(1, NOW, Optional.of(Duration.ofSeconds(1)))).hasValue(NOW.plusSeconds(5));
		assertThat(schedule.next(1, NOW, Optional.of(Duration.ofDays(30)))).hasValue(NOW.plus(Duration.ofDays(1)));
	}

}
