package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The person was notified of the decision on their appeal, which ends the administrative
 * route.
 *
 * @param caseId the case
 * @param outcome granted or denied
 * @param notifiedOn the day of notification
 */
public record AppealDecided(String caseId, DecisionOutcome outcome, LocalDate notifiedOn) implements CaseEvent {

	public AppealDecided {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(notifiedOn, "notifiedOn");
	}

}
