package org.plazo.events.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * The applicant exercised the right of cancellation (Law 81 of 2019), or the retention
 * period after the case closed ran out: every service deletes what it holds about the
 * case and its person, and destroys the person's encryption key.
 *
 * @param caseId the case
 * @param erasedAt when case-service erased its own copy
 */
public record PersonErased(String caseId, Instant erasedAt) implements CaseEvent {

	public PersonErased {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(erasedAt, "erasedAt");
	}

}
