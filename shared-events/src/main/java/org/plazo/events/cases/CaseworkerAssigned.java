package org.plazo.events.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * A caseworker became responsible for a case. Services that answer caseworkers keep who
 * holds each case, so a caseworker reaches only the cases assigned to them.
 *
 * @param caseId the case
 * @param caseworker the caseworker's subject in the identity provider (the {@code sub}
 * claim of their token): a staff identifier, never the applicant's data
 * @param assignedAt when the case was given to them
 */
public record CaseworkerAssigned(String caseId, String caseworker, Instant assignedAt) implements CaseEvent {

	public CaseworkerAssigned {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(caseworker, "caseworker");
		Objects.requireNonNull(assignedAt, "assignedAt");
	}

}
