package org.plazo.notify.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a provider again after a transient failure: exponential back-off from
 * {@code first}, doubling each attempt up to {@code max}, with "equal jitter" (half the
 * pause fixed, half random) so that many messages failing together do not come back
 * together; and never later than {@code window} after the first attempt.
 *
 * @param first the pause after the first failure
 * @param max the longest pause
 * @param window how long after the first attempt retries may still happen
 * @param random a source of numbers in [0, 1)
 */
record RetryPolicy(Duration first, Duration max, Duration window, DoubleSupplier random) {

	/**
	 * @param attempt the attempt that just failed, from 1
	 * @param firstAttempt when the first attempt was made
	 * @param now the current time
	 * @return when to try again, or empty when the window is over
	 */
	Optional<Instant> next(int attempt, Instant firstAttempt, Instant now) {
		long pause = this.first.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
		pause = Math.min(pause, this.max.toMillis());
		long jittered = pause / 2 + (long) (this.random.getAsDouble() * (pause / 2.0));
		Instant next = now.plusMillis(jittered);
		return next.isAfter(firstAttempt.plus(this.window)) ? Optional.empty() : Optional.of(next);
	}

}
