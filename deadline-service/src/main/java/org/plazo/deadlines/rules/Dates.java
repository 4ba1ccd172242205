package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Instant;

/**
 * Dates as a caseworker reads them ("Fri 13 Feb 2026"), and Panama's clock.
 */
final class Dates {

	/** UTC-5 all year, no daylight saving since 1908. */
	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private static final String[] WEEKDAYS = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	private static final String[] MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			"Nov", "Dec" };

	private Dates() {
	}

	/**
	 * "Fri 13 Feb 2026" (English, as {@code EEE d MMM uuuu}); by hand because
	 * explanations format dozens of dates per case and the engine must stay fast.
	 */
	static String day(LocalDate date) {
		return WEEKDAYS[date.getDayOfWeek().ordinal()] + " " + date.getDayOfMonth() + " "
				+ MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
	}

	static Instant at(LocalDate date, LocalTime time) {
		return LocalDateTime.of(date, time).atZone(PANAMA).toInstant();
	}

	static LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, PANAMA);
	}

}
