package org.plazo.deadlines.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day that is not, or may not be, a business day, with the reason a caseworker reads.
 *
 * @param date the day
 * @param kind why
 * @param reason in words, e.g. {@code Carnival Tuesday}
 * @param source the law, decree or resolution behind it
 */
public record NonBusinessDay(LocalDate date, DayKind kind, String reason, String source) {

	public NonBusinessDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reason, "reason");
	}

}
