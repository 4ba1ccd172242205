package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.plazo.deadlines.calendar.BusinessCalendar;
import org.plazo.deadlines.calendar.DayKind;
import org.plazo.deadlines.calendar.NonBusinessDay;

/**
 * A term of calendar months (or years), date to date, with end-of-month clamping (31
 * August plus six months is the last day of February). Whether a month term ending on a
 * non-business day rolls forward is unsettled: the last day is the unrolled date, and the
 * explanation gives the rolled one.
 */
record MonthTerm(Period term, boolean fromNextBusinessDay) implements Counting {

	@Override
	public Working count(Occurrence occurrence, Context context) {
		BusinessCalendar earliest = context.earliest();
		BusinessCalendar closuresCounting = context.closuresCounting();
		List<String> steps = new ArrayList<>();
		LocalDate fact = occurrence.start();
		LocalDate first = fact;
		if (this.fromNextBusinessDay) {
			first = earliest.nextBusinessDayAfter(fact);
			for (LocalDate day = fact.plusDays(1); day.isBefore(first); day = day.plusDays(1)) {
				earliest.nonBusinessReason(day)
					.filter((reason) -> reason.kind() != DayKind.WEEKEND)
					.ifPresent((reason) -> steps.add(Dates.day(reason.date()) + " skipped: " + reason.reason() + "."));
			}
			steps.add("Counting starts on the next business day, " + Dates.day(first) + closureNote(earliest, first)
					+ ".");
		}
		LocalDate last = first.plus(this.term);
		String clamped = (last.getDayOfMonth() != first.getDayOfMonth()) ? " (that month is shorter: its last day)"
				: "";
		steps.add(Words.capitalized(Words.term(this.term)) + " from " + Dates.day(first) + ": the last day is "
				+ Dates.day(last) + clamped + ".");

		LocalDate otherFirst = this.fromNextBusinessDay ? closuresCounting.nextBusinessDayAfter(fact) : fact;
		LocalDate otherLast = otherFirst.plus(this.term);
		if (!otherFirst.equals(first)) {
			List<LocalDate> closures = earliest.operatorDaysBetween(first, otherFirst.minusDays(1))
				.stream()
				.map(NonBusinessDay::date)
				.toList();
			steps.add("If the decreed closures of " + Words.days(closures) + " count, counting starts "
					+ Dates.day(otherFirst) + " and the last day is " + Dates.day(otherLast) + ".");
		}
		LocalDate rolled = closuresCounting.businessDayOnOrAfter(otherLast);
		if (!rolled.equals(otherLast)) {
			steps.add(Dates.day(otherLast) + " is not a business day (" + Counting.whyClosed(earliest, otherLast)
					+ "); if a month term ending on a non-business day rolls forward, the last day is "
					+ Dates.day(rolled) + ".");
		}
		return new Working(last, Office.CLOSES, rolled, List.of(), steps);
	}

	@Override
	public String describe() {
		return Words.term(this.term) + (this.fromNextBusinessDay ? " from the first business day after the fact"
				: " from the day of the fact, date to date") + "; a shorter month ends on its last day";
	}

	/** Notes that a counted day is a decreed closure, counted on the earliest reading. */
	static String closureNote(BusinessCalendar calendar, LocalDate day) {
		return calendar.operatorDay(day)
			.map((closure) -> " (" + closure.reason() + ", " + closure.kind().name().toLowerCase(Locale.ROOT)
					+ ((closure.source() != null) ? " by " + closure.source() : "")
					+ ", counted: it is unsettled whether closures stop a term)")
			.orElse("");
	}

}
