package org.plazo.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs at the speed of real time from an instant the benchmark sets, so the
 * services' dispatchers (whose Quartz triggers count wall time) and the measuring
 * consumers read the same time.
 */
public final class BenchClock extends Clock {

	private volatile Instant base;

	private volatile long baseNanos;

	public BenchClock(Instant start) {
		set(start);
	}

	public synchronized void set(Instant instant) {
		this.base = instant;
		this.baseNanos = System.nanoTime();
	}

	public synchronized void advance(Duration duration) {
		set(instant().plus(duration));
	}

	@Override
	public Instant instant() {
		return this.base.plusNanos(System.nanoTime() - this.baseNanos);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The benchmark clock stays in UTC");
	}

}
