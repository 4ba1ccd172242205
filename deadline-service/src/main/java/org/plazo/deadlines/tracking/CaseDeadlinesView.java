package org.plazo.deadlines.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.plazo.deadlines.reminders.Reminder;

/**
 * A case's deadlines as the API shows them.
 *
 * @param caseId the case
 * @param deadlines its deadlines, soonest first
 */
public record CaseDeadlinesView(String caseId, List<DeadlineView> deadlines) {

	private static final ZoneId PANAMA = ZoneId.of("America/Panama");

	static CaseDeadlinesView of(CaseDeadlines doc, Map<String, Reminder> stored) {
		List<DeadlineView> deadlines = doc.deadlines()
			.stream()
			.sorted(java.util.Comparator.comparing(TrackedDeadline::dueAt))
			.map((d) -> new DeadlineView(d.deadlineId(), d.kind(), d.status(), d.lastDay(), d.dueAt(),
					LocalDateTime.ofInstant(d.dueAt(), PANAMA), d.legalBasis(), d.ruleId(), d.rulesVersion(),
					d.needsLegalConfirmation(), d.alert(), d.explanation(),
					d.reminders()
						.stream()
						.map((r) -> new ReminderView(r.reminderId(), r.purpose(), r.fireAt(),
								stored.containsKey(r.reminderId()) ? stored.get(r.reminderId()).status().name()
										: "UNKNOWN"))
						.toList()))
			.toList();
		return new CaseDeadlinesView(doc.caseId(), deadlines);
	}

	/**
	 * One deadline with its working.
	 *
	 * @param deadlineId id within the case
	 * @param kind the deadline kind
	 * @param status OPEN, MET, MISSED, CANCELLED or INFO
	 * @param lastDay the last day to act
	 * @param dueAt the closing instant (UTC)
	 * @param dueAtPanama the closing time in America/Panama
	 * @param legalBasis the law behind it
	 * @param ruleId the rule
	 * @param rulesVersion the rule set's version
	 * @param needsLegalConfirmation whether a lawyer has yet to confirm the rule
	 * @param alert whether the person should seek legal help at once
	 * @param explanation the counting steps
	 * @param reminders its reminders
	 */
	public record DeadlineView(String deadlineId, String kind, String status, LocalDate lastDay, Instant dueAt,
			LocalDateTime dueAtPanama, String legalBasis, String ruleId, String rulesVersion,
			boolean needsLegalConfirmation, boolean alert, List<String> explanation, List<ReminderView> reminders) {

	}

	/**
	 * One reminder.
	 *
	 * @param reminderId its id
	 * @param purpose REMIND or EXPIRE
	 * @param fireAt when it fires
	 * @param status PENDING, CLAIMED, FIRED or CANCELLED
	 */
	public record ReminderView(String reminderId, String purpose, Instant fireAt, String status) {

	}

}
