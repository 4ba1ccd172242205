package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The person was notified of the decision on their reconsideration.
 *
 * @param caseId the case
 * @param outcome granted or denied
 * @param notifiedOn the day of notification, from which the appeal term counts
 */
public record ReconsiderationDecided(String caseId, DecisionOutcome outcome,
		LocalDate notifiedOn) implements CaseEvent {

	public ReconsiderationDecided {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(notifiedOn, "notifiedOn");
	}

}
