package org.plazo.cases.cases;

import java.time.Instant;
import java.util.List;

import org.plazo.events.cases.SharedData;

/**
 * The link of a case to an organisation that assists the applicant, with the consent that
 * allows it. Stored inside the case; a revoked link stays, with the time it ended, as the
 * record of what was allowed when.
 *
 * @param assignmentId unique within the case
 * @param ngoId the organisation
 * @param consent what the applicant agreed to share with it, when and through whom
 * @param assignedAt when the link was recorded
 * @param revokedAt when it ended, or {@code null} while it holds
 */
record Assignment(String assignmentId, String ngoId, Consent consent, Instant assignedAt, Instant revokedAt) {

	boolean active() {
		return this.revokedAt == null;
	}

	Assignment revoked(Instant now) {
		return new Assignment(this.assignmentId, this.ngoId, this.consent, this.assignedAt, now);
	}

	/**
	 * The applicant's consent to share data with one organisation.
	 *
	 * @param sharedData what: the categories of data
	 * @param givenAt when the applicant agreed
	 * @param obtainedBy through whom: a staff member's id or the organisation that
	 * collected it
	 * @param noticeVersion the version of the privacy notice the applicant was shown
	 */
	record Consent(List<SharedData> sharedData, Instant givenAt, String obtainedBy, String noticeVersion) {

		Consent {
			sharedData = (sharedData != null) ? List.copyOf(sharedData) : List.of();
		}

	}

}
