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

	Applicant toApplicant() {
		return new Applicant(this.applicant.name(), this.applicant.preferredLanguage(), this.applicant.phone(),
				this.applicant.email(), ContactChannel.valueOf(this.applicant.preferredChannel()), true);
	}

	List<HouseholdMember> toHousehold() {
		List<HouseholdMember> members = new ArrayList<>();
		for (MemberDetails member : this.household) {
			members.add(new HouseholdMember("member-" + (members.size() + 1), member.name(),
					Relationship.valueOf(member.relationship()), member.birthDate()));
		}
		return members;
	}

	public record ApplicantDetails(String name, String preferredLanguage, String phone, String email,
			String preferredChannel, Boolean consentToContact) {

		void check(Checks checks) {
			checks.text("applicant.name", this.name, MAX_NAME);
			if (checks.required("applicant.preferredLanguage", this.preferredLanguage)
					&& !LANGUAGES.contains(this.preferredLanguage)) {
				checks.fail("applicant.preferredLanguage", "must be one of es, en, fr, ht, pt");
			}
			checks.phone("applicant.phone", this.phone);
			checks.email("applicant.email", this.email);
			checks.oneOf("applicant.preferredChannel", this.preferredChannel, ContactChannel.class);
			if ("SMS".equals(this.preferredChannel) && this.phone == null) {
				checks.fail("applicant.phone", "is required when the preferred channel is SMS");
			}
			if ("EMAIL".equals(this.preferredChannel) && this.email == null) {
				checks.fail("applicant.email", "is required when the preferred channel is EMAIL");
			}
			if (checks.required("applicant.consentToContact", this.consentToContact) && !this.consentToContact) {
				checks.fail("applicant.consentToContact",
						"must be true: Plazo may only remind a person who agreed to be contacted (Law 81 of 2019)");
			}
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
