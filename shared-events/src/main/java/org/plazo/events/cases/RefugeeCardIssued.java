package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A refugee ID card (valid one year) was issued or renewed.
 *
 * @param caseId the case
 * @param issuedOn the day it was issued
 * @param expiresOn its printed expiry, or {@code null} to count one year
 */
public record RefugeeCardIssued(String caseId, LocalDate issuedOn, LocalDate expiresOn) implements CaseEvent {

	public RefugeeCardIssued {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(issuedOn, "issuedOn");
	}

}
