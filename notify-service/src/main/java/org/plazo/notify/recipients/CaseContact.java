package org.plazo.notify.recipients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.plazo.events.cases.ContactChannel;

/**
 * The applicant's contact details as case-service's contact lookup answers them. Personal
 * data: used to send, never logged.
 *
 * @param caseId the case
 * @param phone E.164 number, or {@code null}
 * @param email email address, or {@code null}
 * @param preferredLanguage ISO 639 code
 * @param preferredChannel the channel the person chose
 * @param consentToContact whether the person agreed to be contacted
 * @param consentNoticeVersion the notice shown when they agreed, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CaseContact(String caseId, String phone, String email, String preferredLanguage, ContactChannel preferredChannel,
		Boolean consentToContact, String consentNoticeVersion) {

	@Override
	public String toString() {
		return "CaseContact[caseId=" + this.caseId + "]";
	}

}
