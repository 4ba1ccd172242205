package org.plazo.cases.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.plazo.cases.outbox.RecordedEvent;

/**
 * A case as the API shows it: what was registered, who holds it, and the facts recorded
 * since.
 */
record CaseView(String caseId, Applicant applicant, ContactConsent consent, LocalDate arrivalDate,
		List<HouseholdMember> household, Instant openedAt, String caseworker, List<Fact> facts) {

	static CaseView of(Case aCase) {
		return new CaseView(aCase.id(), aCase.applicant(), aCase.consent(), aCase.arrivalDate(), aCase.household(),
				aCase.openedAt(), aCase.caseworker(), aCase.facts().stream().map(Fact::of).toList());
	}

	/**
	 * The case as a viewer sees it: the procedure, never who the people are or how to
	 * reach them (the console masks the same fields).
	 */
	CaseView withoutPersonalData() {
		Applicant masked = new Applicant(null, this.applicant.preferredLanguage(), null, null,
				this.applicant.preferredChannel(), this.applicant.consentToContact());
		List<HouseholdMember> members = this.household.stream()
			.map((member) -> new HouseholdMember(member.memberId(), null, member.relationship(), null))
			.toList();
		return new CaseView(this.caseId, masked, this.consent, this.arrivalDate, members, this.openedAt,
				this.caseworker, this.facts);
	}

	/**
	 * One recorded event, with its data as published on the case stream.
	 */
	record Fact(String eventId, String type, Instant recordedAt, @JsonRawValue String data) {

		static Fact of(RecordedEvent event) {
			return new Fact(event.eventId(), event.type(), event.recordedAt(), event.data());
		}

	}

}
