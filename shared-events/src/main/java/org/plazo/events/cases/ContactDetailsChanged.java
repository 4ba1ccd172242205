package org.plazo.events.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * The applicant's contact details, language, channel or consent to contact were recorded
 * or corrected. Carries no personal data: services that write to the person fetch the
 * details from case-service's contact lookup when they see this.
 *
 * @param caseId the case
 * @param changedAt when the change was recorded
 */
public record ContactDetailsChanged(String caseId, Instant changedAt) implements CaseEvent {

	public ContactDetailsChanged {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(changedAt, "changedAt");
	}

}
