package org.plazo.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MovableClockTests {

	private static final Instant NOON_IN_PANAMA = Instant.parse("2026-01-31T17:00:00Z");

	private final MovableClock clock = MovableClock.on(Clock.fixed(NOON_IN_PANAMA, ZoneOffset.UTC));

	@TempDir
	Path dataDirectory;

	@Test
	void advancesByExactDurations() {
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.clock.instant()).isEqualTo(NOON_IN_PANAMA.plus(Duration.ofHours(2)));
	}

	@Test
	void advancesByCalendarMonthsInPanama() {
		this.clock.advance(Period.ofMonths(1));
		assertThat(LocalDate.ofInstant(this.clock.instant(), MovableClock.PANAMA)).isEqualTo("2026-02-28");
		this.clock.advance(Period.ofMonths(6));
		assertThat(LocalDate.ofInstant(this.clock.instant(), MovableClock.PANAMA)).isEqualTo("2026-08-28");
	}

	@Test
	void setsAnInstantAndResetsToTheBaseClock() {
		this.clock.set(Instant.parse("2027-01-01T00:00:00Z"));
		assertThat(this.clock.instant()).isEqualTo("2027-01-01T00:00:00Z");
		this.clock.reset();
		assertThat(this.clock.instant()).isEqualTo(NOON_IN_PANAMA);
		assertThat(this.clock.offset()).isZero();
	}

	@Test
	void movesEveryZonedViewTogether() {
		Clock panama = this.clock.withZone(MovableClock.PANAMA);
		this.clock.advance(Period.ofDays(30));
		assertThat(panama.instant()).isEqualTo(this.clock.instant());
		assertThat(panama.getZone()).isEqualTo(MovableClock.PANAMA);
	}

	@Test
	void keepsItsOffsetInTheDataFolder() {
		Path file = this.dataDirectory.resolve("clock-offset.txt");
		MovableClock.persistent(file).advance(Duration.ofDays(30));
		assertThat(MovableClock.persistent(file).offset()).isEqualTo(Duration.ofDays(30));
		MovableClock.persistent(file).reset();
		assertThat(MovableClock.persistent(file).offset()).isZero();
	}

	@Test
	void startsFromRealTimeWhenTheOffsetFileIsDamaged() throws Exception {
		Path file = this.dataDirectory.resolve("clock-offset.txt");
		Files.writeString(file, "not a duration");
		assertThat(MovableClock.persistent(file).offset()).isZero();
	}

}
