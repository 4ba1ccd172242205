package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.Locale;

/**
 * Dates as a caseworker reads them ("Fri 13 Feb 2026"), and Panama's clock.
 */
final class Dates {

	/** UTC-5 all year, no daylight saving since 1908. */
	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

	private Dates() {
	}

	static String day(LocalDate date) {
		return DAY.format(date);
	}

	static Instant at(LocalDate date, LocalTime time) {
		return LocalDateTime.of(date, time).atZone(PANAMA).toInstant();
	}

	static LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, PANAMA);
	}

}
