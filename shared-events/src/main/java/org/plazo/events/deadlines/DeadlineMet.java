package org.plazo.events.deadlines;

import java.util.Objects;

/**
 * The person acted in time: the filing this deadline asked for was recorded.
 *
 * @param caseId the case
 * @param deadlineId the deadline
 * @param kind the deadline kind
 */
public record DeadlineMet(String caseId, String deadlineId, String kind) implements DeadlineEvent {

	public DeadlineMet {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(deadlineId, "deadlineId");
		Objects.requireNonNull(kind, "kind");
	}

}
