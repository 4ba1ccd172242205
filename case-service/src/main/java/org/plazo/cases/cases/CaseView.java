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
	 * One recorded event, with its data as published on the case stream.
	 */
	record Fact(String eventId, String type, Instant recordedAt, @JsonRawValue String data) {

		static Fact of(RecordedEvent event) {
			return new Fact(event.eventId(), event.type(), event.recordedAt(), event.data());
		}

	}

}
