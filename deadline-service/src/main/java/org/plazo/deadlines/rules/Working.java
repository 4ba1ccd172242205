package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The result of counting a term, with its steps in words.
 *
 * @param lastDay the earliest defensible last day
 * @param closesAt when the term closes on that day
 * @param latestDay the last day on the most generous reading the explanation mentions
 * (closures count, a month term rolls forward); {@code lastDay} when there is none
 * @param counted for business-day terms, the counted days (day 1 first)
 * @param steps the working, one sentence each
 */
record Working(LocalDate lastDay, LocalTime closesAt, LocalDate latestDay, List<LocalDate> counted,
		List<String> steps) {

}
