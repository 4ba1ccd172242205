package org.plazo.events.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A case was linked to an organisation (an NGO) that assists the applicant, with the
 * applicant's consent to share some of their data with it. Carries the consent record:
 * what, when, through whom, and the version of the privacy notice the person was shown.
 * No names, no contact details.
 *
 * @param caseId the case
 * @param assignmentId the link, unique within the case
 * @param ngoId the organisation
 * @param sharedData what the applicant agreed to share with it; at least one category
 * @param consentGivenAt when the applicant agreed
 * @param consentObtainedBy through whom: the staff member's id or the organisation that
 * collected the consent, never the applicant's name
 * @param noticeVersion the version of the privacy notice the applicant was shown
 * @param assignedAt when the link was recorded
 */
public record CaseAssigned(String caseId, String assignmentId, String ngoId, List<SharedData> sharedData,
		Instant consentGivenAt, String consentObtainedBy, String noticeVersion,
		Instant assignedAt) implements CaseEvent {

	public CaseAssigned {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(assignmentId, "assignmentId");
		Objects.requireNonNull(ngoId, "ngoId");
		sharedData = List.copyOf(Objects.requireNonNull(sharedData, "sharedData"));
		Objects.requireNonNull(consentGivenAt, "consentGivenAt");
		Objects.requireNonNull(consentObtainedBy, "consentObtainedBy");
		Objects.requireNonNull(noticeVersion, "noticeVersion");
		Objects.requireNonNull(assignedAt, "assignedAt");
	}

	/**
	 * Whether the applicant agreed to share this category of data.
	 * @param category the category
	 * @return whether it is among {@link #sharedData()}
	 */
	public boolean shares(SharedData category) {
		return this.sharedData.contains(category);
	}

}
