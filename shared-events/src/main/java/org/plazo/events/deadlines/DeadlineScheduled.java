package org.plazo.events.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline was computed for a case.
 *
 * @param caseId the case
 * @param deadlineId stable id of the deadline within the case
 * @param kind the deadline kind, e.g. {@code FILING_WINDOW}
 * @param lastDay the last day to act (America/Panama)
 * @param dueAt the instant the term closes (end of office hours on the last day)
 * @param ruleId the rule that produced it
 * @param rulesVersion the version of the rule set
 * @param legalBasis the law behind it, in words
 */
public record DeadlineScheduled(String caseId, String deadlineId, String kind, LocalDate lastDay, Instant dueAt,
		String ruleId, String rulesVersion, String legalBasis) implements DeadlineEvent {

	public DeadlineScheduled {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(deadlineId, "deadlineId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(lastDay, "lastDay");
		Objects.requireNonNull(dueAt, "dueAt");
		Objects.requireNonNull(legalBasis, "legalBasis");
	}

}
