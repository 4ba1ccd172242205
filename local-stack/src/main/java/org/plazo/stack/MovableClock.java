package org.plazo.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A clock that runs with the system clock but can be moved ahead, so a person (or a test)
 * can see months-away reminders fire now. All three services share one instance.
 * <p>
 * Thread-safe: the offset from the system clock is the only state and lives in an
 * {@link AtomicReference}. When given a file, the offset is written there on every move
 * and read back on start, so a restarted stack keeps the time it was moved to.
 */
public final class MovableClock extends Clock {

	/** Legal dates in Plazo are Panamanian; a month ahead means a month there. */
	public static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private final Clock base;

	private final AtomicReference<Duration> offset;

	private final Path offsetFile;

	private MovableClock(Clock base, AtomicReference<Duration> offset, Path offsetFile) {
		this.base = base;
		this.offset = offset;
		this.offsetFile = offsetFile;
	}

	private MovableClock(Clock base, Duration offset, Path offsetFile) {
		this(base, new AtomicReference<>(offset), offsetFile);
	}

	/** A clock that starts at the system time and forgets moves when the JVM stops. */
	public static MovableClock system() {
		return new MovableClock(Clock.systemUTC(), Duration.ZERO, null);
	}

	/**
	 * A clock whose offset is kept in {@code offsetFile}, starting from the offset found
	 * there.
	 */
	public static MovableClock persistent(Path offsetFile) {
		return new MovableClock(Clock.systemUTC(), readOffset(offsetFile), offsetFile);
	}

	/** A clock that runs on {@code base}, for tests of the clock itself. */
	static MovableClock on(Clock base) {
		return new MovableClock(base, Duration.ZERO, null);
	}

	/** Moves the clock ahead (or back, when negative) by an exact duration. */
	public Instant advance(Duration duration) {
		Objects.requireNonNull(duration, "duration");
		return update(duration::plus);
	}

	/**
	 * Moves the clock by calendar months, days and years as they fall in Panama, so
	 * {@code P1M} from 31 January lands on the last day of February.
	 */
	public Instant advance(Period period) {
		Objects.requireNonNull(period, "period");
		return update((current) -> {
			Instant now = this.base.instant().plus(current);
			Instant moved = now.atZone(PANAMA).plus(period).toInstant();
			return current.plus(Duration.between(now, moved));
		});
	}

	/** Sets the clock so that it shows {@code instant} now and runs on from there. */
	public Instant set(Instant instant) {
		Objects.requireNonNull(instant, "instant");
		return update((current) -> Duration.between(this.base.instant(), instant));
	}

	/** Back to the system time. */
	public Instant reset() {
		return update((current) -> Duration.ZERO);
	}

	/** How far this clock is ahead of the system clock. */
	public Duration offset() {
		return this.offset.get();
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return this.base.getZone();
	}

	/**
	 * The same clock seen in another zone: it shares this clock's offset, so it moves
	 * with it.
	 */
	@Override
	public MovableClock withZone(ZoneId zone) {
		return (zone.equals(getZone())) ? this
				: new MovableClock(this.base.withZone(zone), this.offset, this.offsetFile);
	}

	@Override
	public String toString() {
		return "MovableClock[" + instant() + ", offset " + offset() + "]";
	}

	private Instant update(UnaryOperator<Duration> change) {
		Duration updated;
		synchronized (this.offset) {
			// One writer at a time, so the offset file always holds the last offset set.
			updated = this.offset.updateAndGet(change);
			writeOffset(updated);
		}
		return this.base.instant().plus(updated);
	}

	private void writeOffset(Duration value) {
		if (this.offsetFile == null) {
			return;
		}
		try {
			Files.createDirectories(this.offsetFile.toAbsolutePath().getParent());
			Path temporary = this.offsetFile.resolveSibling(this.offsetFile.getFileName() + ".tmp");
			Files.writeString(temporary, value.toString());
			Files.move(temporary, this.offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not save the clock offset to " + this.offsetFile, ex);
		}
	}

	private static Duration readOffset(Path offsetFile) {
		if (!Files.isRegularFile(offsetFile)) {
			return Duration.ZERO;
		}
		try {
			return Duration.parse(Files.readString(offsetFile).trim());
		}
		catch (IOException | RuntimeException ex) {
			// A damaged file must not keep the stack from starting: fall back to real
			// time.
			return Duration.ZERO;
		}
	}

}
