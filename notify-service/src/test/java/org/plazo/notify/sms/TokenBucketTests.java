package org.plazo.notify.sms;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.plazo.notify.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-08-04T15:00:00Z"));

	@Test
	void longCodeSendsOneSegmentASecond() {
		TokenBucket bucket = new TokenBucket(1, 1, this.clock);

		assertThat(bucket.take(1)).isZero();
		assertThat(bucket.take(1)).isEqualTo(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofMillis(500));
		assertThat(bucket.take(1)).isEqualTo(Duration.ofMillis(500));
		this.clock.advance(Duration.ofMillis(500));
		assertThat(bucket.take(1)).isZero();
	}

	@Test
	void burstIsSpentThenRefilledAtTheRate() {
		TokenBucket bucket = new TokenBucket(1, 4, this.clock);

		assertThat(bucket.take(2)).isZero();
		assertThat(bucket.take(2)).isZero();
		assertThat(bucket.take(2)).isEqualTo(Duration.ofSeconds(2));
		this.clock.advance(Duration.ofHours(1));
		// Never more than the burst, however long it rested.
		assertThat(bucket.take(4)).isZero();
		assertThat(bucket.take(1)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void messageLongerThanTheBurstGoesWhenTheBucketIsFullAndLeavesADebt() {
		TokenBucket bucket = new TokenBucket(1, 2, this.clock);

		assertThat(bucket.take(5)).isZero();
		// Two tokens were there, five were taken: three to pay back, then one.
		assertThat(bucket.take(1)).isEqualTo(Duration.ofSeconds(4));
	}

}
