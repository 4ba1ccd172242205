package org.plazo.notify.notifications;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private static final Instant FIRST = Instant.parse("2026-08-04T15:00:00Z");

	@Test
	void pausesDoubleUpToTheLongestWithHalfOfEachRandom() {
		RetryPolicy lowest = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(4), Duration.ofHours(6),
				() -> 0.0);
		RetryPolicy highest = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(4), Duration.ofHours(6),
				() -> 0.999_999);

		assertThat(lowest.next(1, FIRST, FIRST)).contains(FIRST.plusSeconds(15));
		assertThat(highest.next(1, FIRST, FIRST))
			.hasValueSatisfying((next) -> assertThat(next).isBetween(FIRST.plusSeconds(29), FIRST.plusSeconds(30)));
		assertThat(lowest.next(2, FIRST, FIRST)).contains(FIRST.plusSeconds(30));
		assertThat(lowest.next(3, FIRST, FIRST)).contains(FIRST.plusSeconds(60));
		assertThat(lowest.next(4, FIRST, FIRST)).contains(FIRST.plusSeconds(120));
		// Capped at four minutes, whatever the attempt.
		assertThat(lowest.next(5, FIRST, FIRST)).contains(FIRST.plusSeconds(120));
		assertThat(lowest.next(40, FIRST, FIRST)).contains(FIRST.plusSeconds(120));
	}

	@Test
	void noRetryEndsAfterTheWindow() {
		RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(1),
				() -> 0.0);

		// Third attempt: a pause of one minute (half of two, no jitter here).
		assertThat(policy.next(3, FIRST, FIRST.plus(Duration.ofSeconds(59 * 60 + 1)))).isEmpty();
		assertThat(policy.next(3, FIRST, FIRST.plus(Duration.ofMinutes(59)))).contains(FIRST.plus(Duration.ofHours(1)));
		assertThat(policy.next(3, FIRST, FIRST.plus(Duration.ofMinutes(58)))).isPresent();
	}

}
