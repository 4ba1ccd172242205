package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.plazo.deadlines.calendar.BusinessCalendar;

/**
 * How a rule counts its term from the starting fact. The implementations are the few
 * counting methods Panamanian law uses; {@link #describe()} says it in words for RULES.md
 * and the explanation.
 */
interface Counting {

	Working count(Occurrence occurrence, Context context);

	String describe();

	/**
	 * Calendar months from the first business day after the fact (Decreto 5/2018 art.
	 * 30).
	 */
	static Counting monthsFromNextBusinessDay(Period term) {
		return new MonthTerm(term, true);
	}

	/** Calendar months or years from the day of the fact, date to date. */
	static Counting monthsAfter(Period term) {
		return new MonthTerm(term, false);
	}

	/**
	 * Business days, day 1 being the first business day after the fact (Ley 38/2000 art.
	 * 67).
	 */
	static Counting businessDaysAfter(int days) {
		return new BusinessDayTerm(days);
	}

	/** The day and time an authority set. */
	static Counting dateSet() {
		return new DateSet();
	}

	/** A document's validity: the printed expiry, else issue plus the term less a day. */
	static Counting validity(Period term) {
		return new Validity(term);
	}

	/**
	 * What counting needs besides the case: the calendar (earliest reading) and the bulk
	 * extensions in force.
	 */
	record Context(BusinessCalendar calendar, List<BulkExtension> extensions, DeadlineKind kind) {

		BusinessCalendar earliest() {
			return this.calendar.earliestReading();
		}

		BusinessCalendar closuresCounting() {
			return this.calendar.closuresCounting();
		}

	}

	/** Day {@code date} in words with why it is not a business day, if it is not. */
	static String whyClosed(BusinessCalendar calendar, LocalDate date) {
		return calendar.describe(date).map((day) -> day.reason()).orElse("not a business day");
	}

}
