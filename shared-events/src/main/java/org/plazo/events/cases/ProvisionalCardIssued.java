package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The National Migration Service issued or renewed a provisional ID card (valid six
 * months, one per household member). A renewal is another issue.
 *
 * @param caseId the case
 * @param memberRef whose card: {@code applicant} or a household member's {@code memberId}
 * @param issuedOn the day it was issued
 * @param expiresOn its printed expiry, or {@code null} to count six months
 */
public record ProvisionalCardIssued(String caseId, String memberRef, LocalDate issuedOn,
		LocalDate expiresOn) implements CaseEvent {

	public ProvisionalCardIssued {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(memberRef, "memberRef");
		Objects.requireNonNull(issuedOn, "issuedOn");
	}

}
