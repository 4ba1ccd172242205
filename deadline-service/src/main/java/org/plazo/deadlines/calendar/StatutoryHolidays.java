package org.plazo.deadlines.calendar;

import static java.time.Month.DECEMBER;
import static java.time.Month.JANUARY;
import static java.time.Month.JULY;
import static java.time.Month.MAY;
import static java.time.Month.NOVEMBER;
import static org.plazo.deadlines.calendar.StatutoryHoliday.easter;
import static org.plazo.deadlines.calendar.StatutoryHoliday.fixed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Panama's days of obligatory rest, as a table a lawyer can check line by line against
 * the law (RULES.md prints the same table). Do not replace it with jollyday: its Panama
 * data lacks 5 and 10 November, 20 December and the Sunday rule.
 */
final class StatutoryHolidays {

	static final String LABOUR_CODE = "Código de Trabajo, art. 46";

	static final String SUNDAY_RULE = "Código de Trabajo, arts. 46-47: a holiday on a Sunday is observed on the Monday (Ministry of Labour)";

	static final List<StatutoryHoliday> TABLE = List.of(
	// @formatter:off
			fixed(JANUARY, 1, "New Year's Day", LABOUR_CODE),
			fixed(JANUARY, 9, "Martyrs' Day", LABOUR_CODE),
			easter(-47, "Carnival Tuesday", LABOUR_CODE),
			easter(-2, "Good Friday", LABOUR_CODE),
			fixed(MAY, 1, "Labour Day", LABOUR_CODE),
			fixed(JULY, 1, "Inauguration of the President", LABOUR_CODE + " (1 July in the years a president takes office)")
					.since(2004).everyYears(5),
			fixed(NOVEMBER, 3, "Separation from Colombia", LABOUR_CODE),
			fixed(NOVEMBER, 5, "Colón Day", LABOUR_CODE),
			fixed(NOVEMBER, 10, "First Cry of Independence (Los Santos)", LABOUR_CODE),
			fixed(NOVEMBER, 28, "Independence from Spain", LABOUR_CODE),
			fixed(DECEMBER, 8, "Mothers' Day", LABOUR_CODE),
			fixed(DECEMBER, 20, "National day of mourning", "Law of 2022 making 20 December a day of obligatory rest (number to be confirmed)")
					.since(2022),
			fixed(DECEMBER, 25, "Christmas Day", LABOUR_CODE));
	// @formatter:on

	private static final int FIRST_CACHED = 1990;

	private static final int LAST_CACHED = 2110;

	/** Computed once: the engine asks about every day it counts. */
	private static final List<Map<LocalDate, NonBusinessDay>> CACHED = IntStream.rangeClosed(FIRST_CACHED, LAST_CACHED)
		.mapToObj(StatutoryHolidays::compute)
		.toList();

	private static final Map<Integer, Map<LocalDate, NonBusinessDay>> OTHER_YEARS = new ConcurrentHashMap<>();

	private StatutoryHolidays() {
	}

	/** The statutory and substitute days of {@code year}, by date (unordered). */
	static Map<LocalDate, NonBusinessDay> of(int year) {
		if (year >= FIRST_CACHED && year <= LAST_CACHED) {
			return CACHED.get(year - FIRST_CACHED);
		}
		return OTHER_YEARS.computeIfAbsent(year, StatutoryHolidays::compute);
	}

	static boolean isHoliday(LocalDate date) {
		return of(date.getYear()).containsKey(date);
	}

	private static Map<LocalDate, NonBusinessDay> compute(int year) {
		Map<LocalDate, NonBusinessDay> days = new HashMap<>();
		for (StatutoryHoliday holiday : TABLE) {
			holiday.in(year).ifPresent((date) -> {
				days.putIfAbsent(date, new NonBusinessDay(date, DayKind.STATUTORY, holiday.name(), holiday.source()));
				if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
					// No two holidays of the table are on consecutive days, so the
					// Monday is never a holiday of its own; putIfAbsent keeps it safe.
					LocalDate monday = date.plusDays(1);
					days.putIfAbsent(monday, new NonBusinessDay(monday, DayKind.SUBSTITUTE,
							holiday.name() + " (moved from Sunday)", SUNDAY_RULE));
				}
			});
		}
		return Map.copyOf(days);
	}

}
