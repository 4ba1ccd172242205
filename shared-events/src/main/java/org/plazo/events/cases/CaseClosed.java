package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The case was closed: deadlines that no longer apply are cancelled.
 *
 * @param caseId the case
 * @param reason why it was closed
 * @param closedOn the day it was closed
 */
public record CaseClosed(String caseId, ClosureReason reason, LocalDate closedOn) implements CaseEvent {

	public CaseClosed {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(closedOn, "closedOn");
	}

}
