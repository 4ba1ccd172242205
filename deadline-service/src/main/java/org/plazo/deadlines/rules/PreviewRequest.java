package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.plazo.deadlines.rules.CaseFacts.DecisionOutcome;
import org.plazo.deadlines.rules.CaseFacts.InterviewKind;
import org.plazo.deadlines.rules.CaseFacts.ResolutionOutcome;

/**
 * The case facts of a what-if, as JSON. Every field is optional; what is given is
 * validated and turned into {@link CaseFacts} with its {@code with...} methods, so the
 * same replacement rules apply (a later card replaces a member's earlier one).
 */
record PreviewRequest(@Size(max = 100) String caseId, LocalDate arrivalDate, LocalDate applicationFiledOn,
		@Valid DocumentDates certificate, @Valid List<@NotNull @Valid InterviewFact> interviews,
		@Valid List<@NotNull @Valid CardFact> provisionalCards, @Valid List<@NotNull @Valid ResolutionFact> resolutions,
		@Valid RecourseFact reconsideration, @Valid RecourseFact appeal, LocalDate refugeeStatusGrantedOn,
		@Valid DocumentDates refugeeCard, @Valid DocumentDates travelDocument, @Valid ClosingFact closing) {

	CaseFacts toFacts() {
		CaseFacts facts = CaseFacts.opened((this.caseId != null) ? this.caseId : "preview", this.arrivalDate);
		if (this.applicationFiledOn != null) {
			facts = facts.withApplicationFiled(this.applicationFiledOn);
		}
		if (this.certificate != null) {
			facts = facts.withCertificate(this.certificate.issuedOn(), this.certificate.expiresOn());
		}
		for (InterviewFact interview : listOrEmpty(this.interviews)) {
			facts = facts.withInterview(interview.id(), interview.kind(), interview.date(), interview.time());
		}
		for (CardFact card : listOrEmpty(this.provisionalCards)) {
			facts = facts.withProvisionalCard(card.memberRef(), card.issuedOn(), card.expiresOn());
		}
		for (ResolutionFact resolution : listOrEmpty(this.resolutions)) {
			facts = facts.withResolution(resolution.id(), resolution.outcome(), resolution.notifiedOn());
		}
		if (this.reconsideration != null) {
			facts = this.reconsideration.applyTo(facts, true);
		}
		if (this.appeal != null) {
			facts = this.appeal.applyTo(facts, false);
		}
		if (this.refugeeStatusGrantedOn != null) {
			facts = facts.withRefugeeStatusGranted(this.refugeeStatusGrantedOn);
		}
		if (this.refugeeCard != null) {
			facts = facts.withRefugeeCard(this.refugeeCard.issuedOn(), this.refugeeCard.expiresOn());
		}
		if (this.travelDocument != null) {
			facts = facts.withTravelDocument(this.travelDocument.issuedOn(), this.travelDocument.expiresOn());
		}
		if (this.closing != null) {
			facts = facts.withClosed(this.closing.closedOn(), this.closing.reason());
		}
		return facts;
	}

	private static <T> List<T> listOrEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

	/** A document's dates; at least one is needed (checked when the facts are built). */
	record DocumentDates(LocalDate issuedOn, LocalDate expiresOn) {

	}

	record InterviewFact(@NotBlank @Size(max = 100) String id, @NotNull InterviewKind kind, @NotNull LocalDate date,
			LocalTime time) {

	}

	record CardFact(@NotBlank @Size(max = 100) String memberRef, @NotNull LocalDate issuedOn, LocalDate expiresOn) {

	}

	record ResolutionFact(@NotBlank @Size(max = 100) String id, @NotNull ResolutionOutcome outcome,
			@NotNull LocalDate notifiedOn) {

	}

	record DecisionFact(@NotNull DecisionOutcome outcome, @NotNull LocalDate notifiedOn) {

	}

	record RecourseFact(LocalDate filedOn, @Valid DecisionFact decision) {

		CaseFacts applyTo(CaseFacts facts, boolean reconsideration) {
			CaseFacts result = facts;
			if (this.filedOn != null) {
				result = reconsideration ? result.withReconsiderationFiled(this.filedOn)
						: result.withAppealFiled(this.filedOn);
			}
			if (this.decision != null) {
				result = reconsideration
						? result.withReconsiderationDecided(this.decision.outcome(), this.decision.notifiedOn())
						: result.withAppealDecided(this.decision.outcome(), this.decision.notifiedOn());
			}
			return result;
		}

	}

	record ClosingFact(@NotNull LocalDate closedOn, @Size(max = 200) String reason) {

	}

}
