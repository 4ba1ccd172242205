package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A date and time an authority set, such as an interview at ONPAR.
 */
record DateSet() implements Counting {

	@Override
	public Working count(Occurrence occurrence, Context context) {
		LocalDate date = occurrence.start();
		List<String> steps = new ArrayList<>();
		LocalTime time = occurrence.time();
		if (time == null) {
			time = Office.OPENS;
			steps.add("No time was given: be there at 07:00, when the office opens.");
		}
		steps.add("Set for " + Dates.day(date) + " at " + time + ", at " + Office.ADDRESS + " (open " + Office.HOURS
				+ ").");
		if (!context.closuresCounting().isBusinessDay(date)) {
			steps.add("Offices are normally closed that day (" + Counting.whyClosed(context.earliest(), date)
					+ "): confirm the date with ONPAR.");
		}
		return new Working(date, time, date, List.of(), steps);
	}

	@Override
	public String describe() {
		return "the date and time ONPAR set";
	}

}
