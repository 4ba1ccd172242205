package org.plazo.events.deadlines;

import java.util.Objects;

/**
 * A deadline no longer applies (the case closed, or a fact it rested on was corrected).
 *
 * @param caseId the case
 * @param deadlineId the deadline
 * @param kind the deadline kind
 * @param reason why, e.g. {@code CASE_CLOSED}, {@code NO_LONGER_APPLIES}
 */
public record DeadlineCancelled(String caseId, String deadlineId, String kind, String reason) implements DeadlineEvent {

	public DeadlineCancelled {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(deadlineId, "deadlineId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reason, "reason");
	}

}
