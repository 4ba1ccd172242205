package org.plazo.deadlines.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns a reminder policy into instants. Reminders aim at the last day ONPAR is surely
 * open ({@code actBy}); none falls before the starting fact (a term cannot be reminded of
 * before it starts). Reminders already past are kept: the dispatcher sends them at once.
 */
final class ReminderPlanner {

	private final ReminderProperties properties;

	ReminderPlanner(ReminderProperties properties) {
		this.properties = properties;
	}

	List<Instant> plan(Schedule schedule, Occurrence occurrence, Working working, LocalDate actBy) {
		TreeSet<Instant> reminders = new TreeSet<>();
		switch (schedule) {
			case FILING_WINDOW -> daysBefore(reminders, this.properties.filingWindow(), actBy);
			case COURT_TERM -> daysBefore(reminders, this.properties.courtTerm(), actBy);
			case DOCUMENT -> daysBefore(reminders, this.properties.documents(), actBy);
			case FIVE_DAY_TERM -> fiveDayTerm(reminders, occurrence, working, actBy);
			case INTERVIEW -> interview(reminders, working);
			case NONE -> {
			}
		}
		// An appointment's start is the date set, not when it was set: nothing to cut.
		if (occurrence.start() != null && schedule != Schedule.INTERVIEW) {
			Instant notBefore = Dates.at(occurrence.start(), LocalTime.MIDNIGHT);
			reminders.removeIf((reminder) -> reminder.isBefore(notBefore));
		}
		return List.copyOf(reminders);
	}

	private static void daysBefore(TreeSet<Instant> reminders, ReminderProperties.DaysBefore policy, LocalDate actBy) {
		for (int days : policy.daysBefore()) {
			reminders.add(Dates.at(actBy.minusDays(days), policy.at()));
		}
	}

	private void fiveDayTerm(TreeSet<Instant> reminders, Occurrence occurrence, Working working, LocalDate actBy) {
		ReminderProperties.FiveDayTerm policy = this.properties.fiveDayTerm();
		reminders.add(Dates.at(occurrence.start(), policy.at()));
		for (LocalDate day : working.counted()) {
			if (day.isBefore(actBy)) {
				reminders.add(Dates.at(day, policy.at()));
			}
		}
		reminders.add(Dates.at(actBy, policy.lastDayAt()));
	}

	private void interview(TreeSet<Instant> reminders, Working working) {
		ReminderProperties.Interview policy = this.properties.interview();
		for (int days : policy.daysBefore()) {
			reminders.add(Dates.at(working.lastDay().minusDays(days), policy.at()));
		}
		// An interview at the opening hour would make a 07:00 reminder useless.
		LocalTime morning = policy.morningOf();
		LocalTime hourBefore = working.closesAt().isAfter(LocalTime.of(1, 0)) ? working.closesAt().minusHours(1)
				: LocalTime.MIDNIGHT;
		reminders.add(Dates.at(working.lastDay(), morning.isBefore(hourBefore) ? morning : hourBefore));
	}

}
