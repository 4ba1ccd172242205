package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The person was notified that they are recognised as a refugee.
 *
 * @param caseId the case
 * @param notifiedOn the day of notification
 */
public record RefugeeStatusGranted(String caseId, LocalDate notifiedOn) implements CaseEvent {

	public RefugeeStatusGranted {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(notifiedOn, "notifiedOn");
	}

}
