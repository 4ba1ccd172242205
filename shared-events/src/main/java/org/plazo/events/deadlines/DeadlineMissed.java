package org.plazo.events.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline passed with nothing filed. The case is never closed for it: it is flagged
 * for legal review.
 *
 * @param caseId the case
 * @param deadlineId the deadline
 * @param kind the deadline kind
 * @param lastDay the last day that passed
 * @param dueAt the closing instant that passed
 * @param legalBasis the law behind it, in words
 */
public record DeadlineMissed(String caseId, String deadlineId, String kind, LocalDate lastDay, Instant dueAt,
		String legalBasis) implements DeadlineEvent {

	public DeadlineMissed {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(deadlineId, "deadlineId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(lastDay, "lastDay");
		Objects.requireNonNull(dueAt, "dueAt");
	}

}
