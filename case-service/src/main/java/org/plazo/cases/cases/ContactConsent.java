package org.plazo.cases.cases;

import java.time.Instant;
import java.util.List;

import org.plazo.events.cases.ContactChannel;

/**
 * The applicant's consent to be contacted, as Law 81 of 2019 asks it to be recorded.
 *
 * @param given whether the person agrees to be contacted (false: withdrawn)
 * @param channels what: the channels the person agreed to be reached on
 * @param givenAt when it was recorded
 * @param obtainedBy through whom: the staff member's id (the token's subject),
 * {@code self-registration} or {@code import}
 * @param noticeVersion the version of the privacy notice the person was shown, or
 * {@code null} when consent was withdrawn
 */
record ContactConsent(boolean given, List<ContactChannel> channels, Instant givenAt, String obtainedBy,
		String noticeVersion) {

	static final String SELF_REGISTRATION = "self-registration";

	static final String IMPORT = "import";

	ContactConsent {
		channels = (channels != null) ? List.copyOf(channels) : List.of();
	}

	static ContactConsent of(Applicant applicant, Instant now, String obtainedBy, String noticeVersion) {
		if (!applicant.consentToContact()) {
			return new ContactConsent(false, List.of(), now, obtainedBy, noticeVersion);
		}
		List<ContactChannel> channels = new java.util.ArrayList<>();
		if (applicant.phone() != null) {
			channels.add(ContactChannel.SMS);
		}
		if (applicant.email() != null) {
			channels.add(ContactChannel.EMAIL);
		}
		return new ContactConsent(true, channels, now, obtainedBy, noticeVersion);
	}

}
