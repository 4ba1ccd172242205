package org.plazo.events.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * The applicant withdrew their consent, or the organisation stopped assisting: the link
 * of a case to an organisation ends. Not retroactive: what was shared before stays
 * shared; nothing more is shared from now on.
 *
 * @param caseId the case
 * @param assignmentId the link that ends
 * @param ngoId the organisation
 * @param revokedAt when it ended
 */
public record AssignmentRevoked(String caseId, String assignmentId, String ngoId,
		Instant revokedAt) implements CaseEvent {

	public AssignmentRevoked {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(assignmentId, "assignmentId");
		Objects.requireNonNull(ngoId, "ngoId");
		Objects.requireNonNull(revokedAt, "revokedAt");
	}

}
