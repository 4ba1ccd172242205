package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The person was notified of a resolution admitting or rejecting the application.
 *
 * @param caseId the case
 * @param resolutionId the resolution's number
 * @param outcome admitted or rejected
 * @param notifiedOn the day of notification, from which recourse terms count
 */
public record ResolutionNotified(String caseId, String resolutionId, ResolutionOutcome outcome,
		LocalDate notifiedOn) implements CaseEvent {

	public ResolutionNotified {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(resolutionId, "resolutionId");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(notifiedOn, "notifiedOn");
	}

}
