package org.plazo.notify.partners.ngos;

import java.time.Instant;
import java.util.List;

import org.plazo.events.cases.SharedData;

/**
 * A case's link to one organisation as learnt from the case stream: what the applicant
 * agreed to share with it, and since and until when.
 *
 * @param assignmentId the link
 * @param ngoId the organisation
 * @param sharedData the categories of data the applicant agreed to share with it
 * @param assignedAt when the link was recorded
 * @param revokedAt when it ended, or {@code null} while it holds
 */
public record CaseLink(String assignmentId, String ngoId, List<SharedData> sharedData, Instant assignedAt,
		Instant revokedAt) {

	public CaseLink {
		sharedData = (sharedData != null) ? List.copyOf(sharedData) : List.of();
	}

	public boolean active() {
		return this.revokedAt == null;
	}

	/** Whether the link holds and covers this category of data. */
	public boolean shares(SharedData category) {
		return active() && this.sharedData.contains(category);
	}

}
