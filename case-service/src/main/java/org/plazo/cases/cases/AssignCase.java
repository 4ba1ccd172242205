package org.plazo.cases.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.plazo.events.cases.SharedData;

/**
 * The request that links a case to an organisation: the body of {@code POST
 * /api/v1/cases/{id}/assignments}. Choices arrive as strings so that a bad one is
 * reported with every other bad field.
 *
 * @param ngoId the organisation, as registered with Plazo's partner API
 * @param consent the applicant's consent to share data with it
 */
record AssignCase(String ngoId, ConsentDetails consent) {

	static final Pattern NGO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	static final int MAX_OBTAINED_BY = 100;

	static final int MAX_NOTICE_VERSION = 40;

	void check(Checks checks, Instant now) {
		if (checks.required("ngoId", this.ngoId) && !NGO_ID.matcher(this.ngoId).matches()) {
			checks.fail("ngoId", "must be 1 to 64 letters, digits, '-' or '_'");
		}
		if (checks.required("consent", this.consent)) {
			this.consent.check(checks, now);
		}
	}

	Assignment.Consent toConsent() {
		// MongoDB keeps milliseconds: cut here so the stored consent and its event agree.
		return new Assignment.Consent(this.consent.sharedData().stream().map(SharedData::valueOf).toList(),
				this.consent.givenAt().truncatedTo(ChronoUnit.MILLIS), this.consent.obtainedBy(),
				this.consent.noticeVersion());
	}

	record ConsentDetails(List<String> sharedData, Instant givenAt, String obtainedBy, String noticeVersion) {

		void check(Checks checks, Instant now) {
			if (checks.required("consent.sharedData", this.sharedData)) {
				if (this.sharedData.isEmpty()) {
					checks.fail("consent.sharedData", "must name at least one of CONTACT_DETAILS, PROCEDURAL_EVENTS");
				}
				Set<String> seen = new HashSet<>();
				for (int i = 0; i < this.sharedData.size(); i++) {
					String field = "consent.sharedData[" + i + "]";
					checks.oneOf(field, this.sharedData.get(i), SharedData.class);
					if (this.sharedData.get(i) != null && !seen.add(this.sharedData.get(i))) {
						checks.fail(field, "is named twice");
					}
				}
			}
			if (checks.required("consent.givenAt", this.givenAt)) {
				if (this.givenAt.isAfter(now)) {
					checks.fail("consent.givenAt", "must not be in the future");
				}
				else if (this.givenAt.isBefore(Checks.EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC))) {
					checks.fail("consent.givenAt", "must not be before " + Checks.EARLIEST);
				}
			}
			checks.text("consent.obtainedBy", this.obtainedBy, MAX_OBTAINED_BY);
			checks.text("consent.noticeVersion", this.noticeVersion, MAX_NOTICE_VERSION);
		}

	}

}
