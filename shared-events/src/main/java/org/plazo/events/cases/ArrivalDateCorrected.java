package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The day the person entered Panama was recorded wrongly and is now corrected.
 *
 * @param caseId the case
 * @param arrivalDate the corrected day of arrival (America/Panama)
 */
public record ArrivalDateCorrected(String caseId, LocalDate arrivalDate) implements CaseEvent {

	public ArrivalDateCorrected {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(arrivalDate, "arrivalDate");
	}

}
