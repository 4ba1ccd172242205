package org.plazo.events.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline moved because the facts, the calendar or the rules changed.
 *
 * @param caseId the case
 * @param deadlineId the deadline
 * @param kind the deadline kind
 * @param previousLastDay the last day before the change
 * @param lastDay the new last day
 * @param previousDueAt the closing instant before the change
 * @param dueAt the new closing instant
 * @param reason why it moved, e.g. {@code CALENDAR_CHANGED}, {@code FACTS_CHANGED},
 * {@code RULES_CHANGED}
 * @param legalBasis the law behind it, in words
 */
public record DeadlineRescheduled(String caseId, String deadlineId, String kind, LocalDate previousLastDay,
		LocalDate lastDay, Instant previousDueAt, Instant dueAt, String reason,
		String legalBasis) implements DeadlineEvent {

	public DeadlineRescheduled {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(deadlineId, "deadlineId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(previousLastDay, "previousLastDay");
		Objects.requireNonNull(lastDay, "lastDay");
		Objects.requireNonNull(dueAt, "dueAt");
		Objects.requireNonNull(reason, "reason");
	}

}
