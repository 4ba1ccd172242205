package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.plazo.deadlines.calendar.BusinessCalendar;
import org.plazo.deadlines.calendar.BusinessDayCount;
import org.plazo.deadlines.calendar.DayKind;
import org.plazo.deadlines.calendar.NonBusinessDay;

/**
 * A term of business days counted from the day after the fact (Ley 38 de 2000, art. 67).
 * Decreed closures count as business days for the last day (the earliest reading); the
 * explanation gives the last day if they do not.
 */
record BusinessDayTerm(int days) implements Counting {

	@Override
	public Working count(Occurrence occurrence, Context context) {
		BusinessCalendar earliest = context.earliest();
		BusinessDayCount count = earliest.addBusinessDays(occurrence.start(), this.days);
		List<String> steps = new ArrayList<>();
		int n = 0;
		for (LocalDate day = occurrence.start().plusDays(1); !day.isAfter(count.date()); day = day.plusDays(1)) {
			var reason = earliest.nonBusinessReason(day);
			if (reason.isEmpty()) {
				n++;
				String last = (n == this.days) ? ": the last day, until 16:00" : "";
				steps.add("Day " + n + " " + Dates.day(day) + MonthTerm.closureNote(earliest, day) + last + ".");
			}
			else if (reason.get().kind() != DayKind.WEEKEND) {
				steps.add(Dates.day(day) + " skipped: " + reason.get().reason() + ".");
			}
		}
		LocalDate other = context.closuresCounting().addBusinessDays(occurrence.start(), this.days).date();
		if (!other.equals(count.date())) {
			List<LocalDate> closures = earliest.operatorDaysBetween(occurrence.start(), count.date())
				.stream()
				.map(NonBusinessDay::date)
				.filter(count.counted()::contains)
				.toList();
			steps.add("If the decreed closures of " + Words.days(closures) + " count, the last day is "
					+ Dates.day(other) + ".");
		}
		return new Working(count.date(), Office.CLOSES, other, count.counted(), steps);
	}

	@Override
	public String describe() {
		return Words.plural(this.days, "business day")
				+ ", day 1 being the first business day after the fact; weekends and holidays are skipped";
	}

}
