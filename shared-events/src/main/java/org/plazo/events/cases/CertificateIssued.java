package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * ONPAR issued the asylum-seeker certificate, which the person must carry at all times.
 *
 * @param caseId the case
 * @param issuedOn the day it was issued
 * @param validUntil its last day of validity, or {@code null} when not printed on it
 */
public record CertificateIssued(String caseId, LocalDate issuedOn, LocalDate validUntil) implements CaseEvent {

	public CertificateIssued {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(issuedOn, "issuedOn");
	}

}
