package org.plazo.notify.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces what one sender sends: tokens (SMS segments) flow in at a steady rate up to a
 * burst, and a message may go when the bucket holds as many tokens as it has segments (or
 * a full bucket, for messages longer than the burst). Time comes from the injected clock,
 * so tests move it instead of waiting.
 */
public final class TokenBucket {

	private final double perSecond;

	private final double capacity;

	private final Clock clock;

	private double tokens;

	private Instant updated;

	/**
	 * A full bucket.
	 * @param perSecond tokens added per second (Twilio long codes: 1 segment a second)
	 * @param capacity the most tokens it holds
	 * @param clock the clock
	 */
	public TokenBucket(double perSecond, double capacity, Clock clock) {
		if (perSecond <= 0 || capacity < 1) {
			throw new IllegalArgumentException("A token bucket needs a positive rate and room for one token");
		}
		this.perSecond = perSecond;
		this.capacity = capacity;
		this.clock = clock;
		this.tokens = capacity;
		this.updated = clock.instant();
	}

	/**
	 * Takes the tokens a message needs, if they are there.
	 * @param segments the message's segments
	 * @return zero when the message may go now (the tokens are taken), otherwise how long
	 * to wait before asking again (nothing is taken)
	 */
	public synchronized Duration take(int segments) {
		refill();
		double needed = Math.min(segments, this.capacity);
		if (this.tokens >= needed) {
			// A message longer than the burst may take the bucket below zero: the
			// following ones wait for the debt to be paid.
			this.tokens -= segments;
			return Duration.ZERO;
		}
		double seconds = (needed - this.tokens) / this.perSecond;
		return Duration.ofMillis((long) Math.ceil(seconds * 1000));
	}

	private void refill() {
		Instant now = this.clock.instant();
		if (now.isAfter(this.updated)) {
			double elapsed = Duration.between(this.updated, now).toNanos() / 1e9;
			this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perSecond);
			this.updated = now;
		}
	}

}
