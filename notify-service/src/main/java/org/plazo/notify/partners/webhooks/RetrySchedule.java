package org.plazo.notify.partners.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again. The schedule lists the pause before each attempt, the
 * first being the first attempt (immediately by default: 0, 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 10 h, 24 h, 24 h, over 75 hours in all). Jitter only lengthens a pause (by up to
 * the jitter fraction), so the schedule never ends sooner than configured and retries of
 * many deliveries spread out.
 */
final class RetrySchedule {

	/** The longest {@code Retry-After} honoured. */
	static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

	private final List<Duration> pauses;

	private final double jitter;

	private final DoubleSupplier random;

	/**
	 * @param pauses the pause before each attempt
	 * @param jitter the largest share of a pause added at random
	 * @param random uniform in [0, 1)
	 */
	RetrySchedule(List<Duration> pauses, double jitter, DoubleSupplier random) {
		if (pauses.isEmpty()) {
			throw new IllegalArgumentException("A retry schedule needs at least one attempt");
		}
		this.pauses = List.copyOf(pauses);
		this.jitter = jitter;
		this.random = random;
	}

	int attempts() {
		return this.pauses.size();
	}

	/**
	 * When the next attempt is due after a failed one.
	 * @param attemptsMade attempts made so far, the failed one included
	 * @param now when the failed attempt ended
	 * @param retryAfter what the endpoint asked for with {@code Retry-After}, if anything
	 * @return empty when every attempt was made
	 */
	Optional<Instant> next(int attemptsMade, Instant now, Optional<Duration> retryAfter) {
		if (attemptsMade >= this.pauses.size()) {
			return Optional.empty();
		}
		Duration pause = this.pauses.get(attemptsMade);
		long extra = (long) (pause.toMillis() * this.jitter * this.random.getAsDouble());
		Duration planned = pause.plusMillis(extra);
		Duration asked = retryAfter.map((d) -> (d.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : d)
			.orElse(Duration.ZERO);
		return Optional.of(now.plus((asked.compareTo(planned) > 0) ? asked : planned));
	}

}
