package org.plazo.cases.cases;

import org.plazo.events.cases.ContactChannel;

/**
 * The body of {@code PATCH /api/v1/cases/{id}/contact}: how to reach the applicant, as a
 * whole (a missing phone or email means none). Checked as when the case was opened,
 * except that consent to contact may be withdrawn.
 *
 * @param phone E.164 phone number, or {@code null}
 * @param email email address, or {@code null}
 * @param preferredLanguage ISO 639 code
 * @param preferredChannel {@code SMS} or {@code EMAIL}
 * @param consentToContact whether the person agrees to be contacted
 * @param consentNoticeVersion the notice the person was shown; required with consent
 */
public record ContactCorrection(String phone, String email, String preferredLanguage, String preferredChannel,
		Boolean consentToContact, String consentNoticeVersion) {

	void check(Checks checks) {
		OpenCase.checkContact(checks, "", this.preferredLanguage, this.phone, this.email, this.preferredChannel,
				this.consentToContact, this.consentNoticeVersion);
	}

	Applicant toApplicant() {
		return new Applicant(null, this.preferredLanguage, this.phone, this.email,
				ContactChannel.valueOf(this.preferredChannel), this.consentToContact);
	}

}
