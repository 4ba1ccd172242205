package org.plazo.notify.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTests {

	private static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private final QuietHours night = new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0));

	@Test
	void eveningWaitsForSevenTheNextMorning() {
		assertThat(this.night.deferUntil(at(3, 20, 0))).contains(at(4, 7, 0));
		assertThat(this.night.deferUntil(at(3, 23, 59))).contains(at(4, 7, 0));
	}

	@Test
	void earlyMorningWaitsForSevenTheSameDay() {
		assertThat(this.night.deferUntil(at(4, 0, 0))).contains(at(4, 7, 0));
		assertThat(this.night.deferUntil(at(4, 6, 59))).contains(at(4, 7, 0));
	}

	@Test
	void dayTimeSendsAtOnce() {
		assertThat(this.night.deferUntil(at(4, 7, 0))).isEmpty();
		assertThat(this.night.deferUntil(at(4, 19, 59))).isEmpty();
	}

	@Test
	void hoursArePanamasWhateverTheInstantsZone() {
		// 01:30 UTC is 20:30 in Panama.
		assertThat(this.night.deferUntil(Instant.parse("2026-09-04T01:30:00Z")))
			.contains(Instant.parse("2026-09-04T12:00:00Z"));
	}

	@Test
	void aWindowWithinOneDayAndNoWindowAtAll() {
		QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
		assertThat(lunch.deferUntil(at(3, 12, 30))).contains(at(3, 13, 0));
		assertThat(lunch.deferUntil(at(3, 13, 0))).isEmpty();
		assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).deferUntil(at(3, 2, 0))).isEmpty();
	}

	private static Instant at(int day, int hour, int minute) {
		return LocalDate.of(2026, 9, day).atTime(hour, minute).atZone(PANAMA).toInstant();
	}

}
