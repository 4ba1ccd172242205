package org.plazo.deadlines.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.plazo.deadlines.calendar.BusinessCalendar;
import org.plazo.deadlines.calendar.CalendarManagement;
import org.plazo.deadlines.rules.CaseFacts.Closing;
import org.plazo.deadlines.rules.Occurrence.Settled;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a case's facts into its deadlines, each with its working and reminders. Pure and
 * fast: no I/O, the calendar and bulk extensions come from memory, and "now" only decides
 * whether a deadline has passed.
 */
@Component
public class DeadlineEngine {

	private final Supplier<BusinessCalendar> calendar;

	private final Supplier<List<BulkExtension>> extensions;

	private final List<Rule> rules;

	private final ReminderPlanner planner;

	private final Clock clock;

	@Autowired
	DeadlineEngine(CalendarManagement calendars, BulkExtensionManagement extensions, ReminderProperties reminders,
			RuleProperties rules, Clock clock) {
		this(calendars::current, extensions::current, reminders, rules, clock);
	}

	private DeadlineEngine(Supplier<BusinessCalendar> calendar, Supplier<List<BulkExtension>> extensions,
			ReminderProperties reminders, RuleProperties rules, Clock clock) {
		this.calendar = calendar;
		this.extensions = extensions;
		this.rules = Rules.standard(rules);
		this.planner = new ReminderPlanner(reminders);
		this.clock = clock;
	}

	/**
	 * An engine outside Spring, with the default reminder policies and terms, the
	 * statutory calendar and no bulk extensions, for tests and tools.
	 */
	public static DeadlineEngine standalone(Clock clock) {
		return standalone(clock, ReminderProperties.defaults(), RuleProperties.defaults());
	}

	/** An engine outside Spring with the given policies and terms. */
	public static DeadlineEngine standalone(Clock clock, ReminderProperties reminders, RuleProperties rules) {
		return new DeadlineEngine(BusinessCalendar::statutory, List::of, reminders, rules, clock);
	}

	/** The version of the rule set; deadlines computed by another one are recomputed. */
	public String rulesVersion() {
		return Rules.VERSION;
	}

	/** The deadlines of a case on the current calendar, closures included. */
	public List<ComputedDeadline> compute(CaseFacts facts) {
		return compute(facts, this.calendar.get());
	}

	/** The deadlines of a case on the given calendar, as of the clock's now. */
	public List<ComputedDeadline> compute(CaseFacts facts, BusinessCalendar calendar) {
		return compute(facts, calendar, this.extensions.get(), this.clock.instant());
	}

	/** The deadlines of a case, everything given: a pure function. */
	public List<ComputedDeadline> compute(CaseFacts facts, BusinessCalendar calendar, List<BulkExtension> extensions,
			Instant now) {
		List<ComputedDeadline> deadlines = new ArrayList<>();
		for (Rule rule : this.rules) {
			Counting.Context context = new Counting.Context(calendar.earliestReading(), extensions, rule.kind());
			for (Occurrence occurrence : rule.trigger().find(facts)) {
				deadlines.add(evaluate(rule, occurrence, facts, context, now));
			}
		}
		return deadlines;
	}

	private ComputedDeadline evaluate(Rule rule, Occurrence occurrence, CaseFacts facts, Counting.Context context,
			Instant now) {
		Working working = rule.counting().count(occurrence, context);
		List<String> explanation = new ArrayList<>();
		explanation.add("Legal basis: " + rule.legalBasis() + ".");
		explanation.addAll(occurrence.facts());
		explanation.add("Term: " + rule.counting().describe() + ".");
		explanation.addAll(working.steps());
		LocalDate actBy = working.lastDay();
		if (rule.nature().actsAtOffice()) {
			// Backwards, a closed office makes the date earlier: the conservative side.
			actBy = context.closuresCounting().businessDayOnOrBefore(working.lastDay());
			if (!actBy.equals(working.lastDay())) {
				explanation.add("Offices are closed on " + Dates.day(working.lastDay()) + " ("
						+ Counting.whyClosed(context.earliest(), working.lastDay()) + "): to be safe, act by "
						+ Dates.day(actBy) + ", 16:00.");
			}
		}
		Instant dueAt = Dates.at(working.lastDay(), working.closesAt());
		DeadlineStatus status = status(rule, occurrence, facts, working, dueAt, now, explanation);
		if (rule.needsLegalConfirmation()) {
			explanation.add("To be confirmed by a lawyer: " + rule.unconfirmed() + ".");
		}
		List<Instant> reminders = (status == DeadlineStatus.OPEN)
				? this.planner.plan(rule.reminders(), occurrence, working, actBy) : List.of();
		return new ComputedDeadline(occurrence.deadlineId(), rule.kind().name(), rule.id(), Rules.VERSION,
				rule.citation(), working.lastDay(), dueAt, status.name(), rule.needsLegalConfirmation(),
				List.copyOf(explanation), reminders);
	}

	private static DeadlineStatus status(Rule rule, Occurrence occurrence, CaseFacts facts, Working working,
			Instant dueAt, Instant now, List<String> explanation) {
		LocalDate lastDay = working.lastDay();
		Settled settled = occurrence.settled();
		if (settled != null) {
			explanation.add(settled.why());
			if (settled.status() == DeadlineStatus.MET && settled.on().isAfter(lastDay)) {
				explanation.add(ComputedDeadline.ALERT_PREFIX + "filed on " + Dates.day(settled.on())
						+ ", after the earliest last day " + Dates.day(lastDay) + ": flag for legal review.");
			}
			return settled.status();
		}
		Closing closing = facts.closing();
		if (closing != null && dueAt.isAfter(Dates.at(closing.closedOn(), LocalTime.MIDNIGHT))) {
			String reason = (closing.reason() != null) ? " (" + closing.reason() + ")" : "";
			explanation
				.add("The case was closed on " + Dates.day(closing.closedOn()) + reason + ": this no longer applies.");
			return DeadlineStatus.CANCELLED;
		}
		boolean passed = !now.isBefore(dueAt);
		return switch (rule.nature()) {
			case FILING, RENEWAL -> {
				if (passed) {
					explanation.add(ComputedDeadline.ALERT_PREFIX + rule.missed() + ".");
					Instant latest = Dates.at(working.latestDay(), working.closesAt());
					if (rule.nature() == Nature.FILING && now.isBefore(latest)) {
						explanation.add("On the most generous reading above the last day is "
								+ Dates.day(working.latestDay()) + ", until 16:00: file at once.");
					}
					yield DeadlineStatus.MISSED;
				}
				yield DeadlineStatus.OPEN;
			}
			case APPOINTMENT -> {
				if (passed) {
					explanation.add("The date has passed; if the person could not attend, ask ONPAR for a new date.");
					yield DeadlineStatus.INFO;
				}
				yield DeadlineStatus.OPEN;
			}
			case SILENCE -> {
				if (passed) {
					explanation.add(ComputedDeadline.ALERT_PREFIX + rule.missed() + ".");
				}
				yield DeadlineStatus.INFO;
			}
			case INFORMATION -> DeadlineStatus.INFO;
		};
	}

}
