package org.plazo.deadlines.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The working of {@link BusinessCalendar#addBusinessDays(LocalDate, int)}.
 *
 * @param from the day counted from (not itself counted)
 * @param add how many business days
 * @param date the last counted day ({@code from} when {@code add} is zero)
 * @param counted the counted days, day 1 first
 * @param skipped the weekdays skipped as non-business (weekends are not listed)
 */
public record BusinessDayCount(LocalDate from, int add, LocalDate date, List<LocalDate> counted,
		List<NonBusinessDay> skipped) {

}
