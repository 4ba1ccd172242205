package org.plazo.cases.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.plazo.events.cases.ContactChannel;

/**
 * The request that opens a case: the {@code POST /api/v1/cases} contract. Choices arrive
 * as strings so that a bad one is reported with every other bad field, not alone.
 * <p>
 * Public, as {@link CaseFact} is, so that the caseload import builds the very requests
 * the API takes and {@link CaseOpenings} checks them by the same rules.
 *
 * @param applicant the person asking for asylum
 * @param arrivalDate the day they entered Panama
 * @param household the people their case covers besides them; none when missing
 * @param caseworker who holds the case (the {@code sub} of their token), named by an
 * operator only; when a caseworker opens a case it is theirs
 */
public record OpenCase(ApplicantDetails applicant, LocalDate arrivalDate, List<MemberDetails> household,
		String caseworker) {

	static final int MAX_CASEWORKER = 200;

	static final Set<String> LANGUAGES = Set.of("es", "en", "fr", "ht", "pt");

	static final int MAX_NAME = 200;

	static final int MAX_HOUSEHOLD = 30;

	static final int MAX_NOTICE_VERSION = 40;

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	public OpenCase {
		household = (household != null) ? household : List.of();
	}

	/** A case nobody holds yet (an import, a self-registration). */
	public OpenCase(ApplicantDetails applicant, LocalDate arrivalDate, List<MemberDetails> household) {
		this(applicant, arrivalDate, household, null);
	}

	void check(Checks checks) {
		if (checks.required("applicant", this.applicant)) {
			this.applicant.check(checks);
		}
		if (checks.required("arrivalDate", this.arrivalDate)) {
			checks.pastDate("arrivalDate", this.arrivalDate, Checks.EARLIEST, Checks.EARLIEST.toString());
		}
		if (this.caseworker != null) {
			checks.text("caseworker", this.caseworker, MAX_CASEWORKER);
		}
		if (this.household.size() > MAX_HOUSEHOLD) {
			checks.fail("household", "must have at most " + MAX_HOUSEHOLD + " members");
			return;
		}
		for (int i = 0; i < this.household.size(); i++) {
			String field = "household[" + i + "]";
			MemberDetails member = this.household.get(i);
			if (checks.required(field, member)) {
				member.check(field, checks);
			}
		}
	}

	/**
	 * The consent to contact this request records, given now through {@code obtainedBy}.
	 */
	ContactConsent toConsent(java.time.Instant now, String obtainedBy) {
		return ContactConsent.of(toApplicant(), now, obtainedBy, this.applicant.consentNoticeVersion());
	}

	Applicant toApplicant() {
		return new Applicant(this.applicant.name(), this.applicant.preferredLanguage(), this.applicant.phone(),
				this.applicant.email(), ContactChannel.valueOf(this.applicant.preferredChannel()), true);
	}

	/**
	 * The same request with the given notice version where the applicant's has none: an
	 * import's rows, whose consent was collected under the notice in force.
	 */
	OpenCase withNoticeVersionIfMissing(String noticeVersion) {
		if (this.applicant == null || this.applicant.consentNoticeVersion() != null) {
			return this;
		}
		ApplicantDetails a = this.applicant;
		return new OpenCase(new ApplicantDetails(a.name(), a.preferredLanguage(), a.phone(), a.email(),
				a.preferredChannel(), a.consentToContact(), noticeVersion), this.arrivalDate, this.household);
	}

	List<HouseholdMember> toHousehold() {
		List<HouseholdMember> members = new ArrayList<>();
		for (MemberDetails member : this.household) {
			members.add(new HouseholdMember("member-" + (members.size() + 1), member.name(),
					Relationship.valueOf(member.relationship()), member.birthDate()));
		}
		return members;
	}

	/**
	 * @param consentNoticeVersion the version of the privacy notice the person was shown
	 * when agreeing to be contacted; required with {@code consentToContact}
	 */
	public record ApplicantDetails(String name, String preferredLanguage, String phone, String email,
			String preferredChannel, Boolean consentToContact, String consentNoticeVersion) {

		void check(Checks checks) {
			checks.text("applicant.name", this.name, MAX_NAME);
			checkContact(checks, "applicant.", this.preferredLanguage, this.phone, this.email, this.preferredChannel,
					this.consentToContact, this.consentNoticeVersion);
			if (Boolean.FALSE.equals(this.consentToContact)) {
				checks.fail("applicant.consentToContact",
						"must be true: Plazo may only remind a person who agreed to be contacted (Law 81 of 2019)");
			}
		}

	}

	/**
	 * How to reach a person, checked alike when a case is opened and when the details are
	 * corrected.
	 * @param prefix put before each field's name, e.g. {@code applicant.}
	 */
	static void checkContact(Checks checks, String prefix, String preferredLanguage, String phone, String email,
			String preferredChannel, Boolean consentToContact, String consentNoticeVersion) {
		if (checks.required(prefix + "preferredLanguage", preferredLanguage)
				&& !LANGUAGES.contains(preferredLanguage)) {
			checks.fail(prefix + "preferredLanguage", "must be one of es, en, fr, ht, pt");
		}
		checks.phone(prefix + "phone", phone);
		checks.email(prefix + "email", email);
		checks.oneOf(prefix + "preferredChannel", preferredChannel, ContactChannel.class);
		if ("SMS".equals(preferredChannel) && phone == null) {
			checks.fail(prefix + "phone", "is required when the preferred channel is SMS");
		}
		if ("EMAIL".equals(preferredChannel) && email == null) {
			checks.fail(prefix + "email", "is required when the preferred channel is EMAIL");
		}
		if (checks.required(prefix + "consentToContact", consentToContact) && consentToContact) {
			checks.text(prefix + "consentNoticeVersion", consentNoticeVersion, MAX_NOTICE_VERSION);
		}
		else if (consentNoticeVersion != null) {
			checks.text(prefix + "consentNoticeVersion", consentNoticeVersion, MAX_NOTICE_VERSION);
		}
	}

	public record MemberDetails(String name, String relationship, LocalDate birthDate) {

		void check(String field, Checks checks) {
			checks.text(field + ".name", this.name, MAX_NAME);
			checks.oneOf(field + ".relationship", this.relationship, Relationship.class);
			checks.pastDate(field + ".birthDate", this.birthDate, EARLIEST_BIRTH, EARLIEST_BIRTH.toString());
		}

	}

}
