package org.plazo.deadlines.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Optional;

/**
 * One line of the holiday table: a day of obligatory rest, the rule that places it in a
 * year, and the law behind it.
 *
 * @param name what a caseworker calls it
 * @param fixedDate the day of the year, or {@code null} when it hangs on Easter
 * @param daysFromEaster offset from Easter Sunday when {@code fixedDate} is {@code null}
 * @param firstYear the first year the rule applies
 * @param everyYears 1 for every year; 5 for the inauguration day (counted from
 * {@code firstYear})
 * @param source the law behind it
 */
record StatutoryHoliday(String name, MonthDay fixedDate, int daysFromEaster, int firstYear, int everyYears,
		String source) {

	/** The table is guaranteed from here on; earlier years are not supported. */
	static final int SINCE = 2000;

	static StatutoryHoliday fixed(Month month, int day, String name, String source) {
		return new StatutoryHoliday(name, MonthDay.of(month, day), 0, SINCE, 1, source);
	}

	static StatutoryHoliday easter(int daysFromEaster, String name, String source) {
		return new StatutoryHoliday(name, null, daysFromEaster, SINCE, 1, source);
	}

	StatutoryHoliday since(int year) {
		return new StatutoryHoliday(this.name, this.fixedDate, this.daysFromEaster, year, this.everyYears, this.source);
	}

	StatutoryHoliday everyYears(int years) {
		return new StatutoryHoliday(this.name, this.fixedDate, this.daysFromEaster, this.firstYear, years, this.source);
	}

	/** The day it falls on in {@code year}, if the rule applies that year. */
	Optional<LocalDate> in(int year) {
		if (year < this.firstYear || (year - this.firstYear) % this.everyYears != 0) {
			return Optional.empty();
		}
		return Optional.of((this.fixedDate != null) ? this.fixedDate.atYear(year)
				: Easter.sunday(year).plusDays(this.daysFromEaster));
	}

}
