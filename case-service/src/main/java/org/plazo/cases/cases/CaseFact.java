package org.plazo.cases.cases;

import java.time.LocalDate;
import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.plazo.events.cases.AppealDecided;
import org.plazo.events.cases.AppealFiled;
import org.plazo.events.cases.ApplicationFiled;
import org.plazo.events.cases.ArrivalDateCorrected;
import org.plazo.events.cases.CaseClosed;
import org.plazo.events.cases.CaseEvent;
import org.plazo.events.cases.CertificateIssued;
import org.plazo.events.cases.ClosureReason;
import org.plazo.events.cases.DecisionOutcome;
import org.plazo.events.cases.InterviewKind;
import org.plazo.events.cases.InterviewScheduled;
import org.plazo.events.cases.ProvisionalCardIssued;
import org.plazo.events.cases.ReconsiderationDecided;
import org.plazo.events.cases.ReconsiderationFiled;
import org.plazo.events.cases.RefugeeCardIssued;
import org.plazo.events.cases.RefugeeStatusGranted;
import org.plazo.events.cases.ResolutionNotified;
import org.plazo.events.cases.ResolutionOutcome;

/**
 * A fact of the asylum procedure as a caseworker reports it: the body of {@code POST
 * /api/v1/cases/{id}/events}, told apart by its {@code type}. Each one checks itself
 * against the case and becomes the case event of the same meaning.
 * <p>
 * Dates of things that happened may not lie in the future, before 1990 or before the
 * person arrived; only an interview and the expiry of a document may lie ahead. Choices
 * arrive as strings so that a bad one is reported with every other bad field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = CaseFact.ApplicationFiling.class, name = "APPLICATION_FILED"),
		@JsonSubTypes.Type(value = CaseFact.CertificateIssue.class, name = "CERTIFICATE_ISSUED"),
		@JsonSubTypes.Type(value = CaseFact.InterviewScheduling.class, name = "INTERVIEW_SCHEDULED"),
		@JsonSubTypes.Type(value = CaseFact.ProvisionalCardIssue.class, name = "PROVISIONAL_CARD_ISSUED"),
		@JsonSubTypes.Type(value = CaseFact.RefugeeStatusGrant.class, name = "REFUGEE_STATUS_GRANTED"),
		@JsonSubTypes.Type(value = CaseFact.RefugeeCardIssue.class, name = "REFUGEE_CARD_ISSUED"),
		@JsonSubTypes.Type(value = CaseFact.ResolutionNotice.class, name = "RESOLUTION_NOTIFIED"),
		@JsonSubTypes.Type(value = CaseFact.ReconsiderationFiling.class, name = "RECONSIDERATION_FILED"),
		@JsonSubTypes.Type(value = CaseFact.ReconsiderationDecision.class, name = "RECONSIDERATION_DECIDED"),
		@JsonSubTypes.Type(value = CaseFact.AppealFiling.class, name = "APPEAL_FILED"),
		@JsonSubTypes.Type(value = CaseFact.AppealDecision.class, name = "APPEAL_DECIDED"),
		@JsonSubTypes.Type(value = CaseFact.ArrivalDateCorrection.class, name = "ARRIVAL_DATE_CORRECTED"),
		@JsonSubTypes.Type(value = CaseFact.Closing.class, name = "CASE_CLOSED") })
public sealed interface CaseFact {

	int MAX_ID = 100;

	/** Adds a problem for every bad field. */
	void check(Checks checks, Case aCase);

	/** The event this fact causes; call only after {@link #check} found nothing. */
	CaseEvent toEvent(String caseId);

	record ApplicationFiling(LocalDate filedOn) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			happened(checks, "filedOn", this.filedOn, aCase);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new ApplicationFiled(caseId, this.filedOn);
		}

	}

	record CertificateIssue(LocalDate issuedOn, LocalDate validUntil) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			happened(checks, "issuedOn", this.issuedOn, aCase);
			expiry(checks, "validUntil", this.validUntil, this.issuedOn);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new CertificateIssued(caseId, this.issuedOn, this.validUntil);
		}

	}

	record InterviewScheduling(String interviewId, String kind, LocalDate date, LocalTime time) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			checks.text("interviewId", this.interviewId, MAX_ID);
			checks.oneOf("kind", this.kind, InterviewKind.class);
			// The one date that lies ahead, but never before the person arrived.
			if (checks.required("date", this.date) && this.date.isBefore(earliest(aCase))) {
				checks.fail("date", "must not be before the arrival date");
			}
			checks.required("time", this.time);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new InterviewScheduled(caseId, this.interviewId, InterviewKind.valueOf(this.kind), this.date,
					this.time);
		}

	}

	/**
	 * @param memberRef {@code applicant} or a household member's {@code memberId}
	 */
	record ProvisionalCardIssue(String memberRef, LocalDate issuedOn, LocalDate expiresOn) implements CaseFact {

		public static final String APPLICANT = "applicant";

		@Override
		public void check(Checks checks, Case aCase) {
			if (checks.required("memberRef", this.memberRef) && !APPLICANT.equals(this.memberRef)
					&& aCase.household().stream().noneMatch((member) -> member.memberId().equals(this.memberRef))) {
				checks.fail("memberRef", "must be \"applicant\" or the memberId of a household member of this case");
			}
			happened(checks, "issuedOn", this.issuedOn, aCase);
			expiry(checks, "expiresOn", this.expiresOn, this.issuedOn);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new ProvisionalCardIssued(caseId, this.memberRef, this.issuedOn, this.expiresOn);
		}

	}

	record RefugeeStatusGrant(LocalDate notifiedOn) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			happened(checks, "notifiedOn", this.notifiedOn, aCase);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new RefugeeStatusGranted(caseId, this.notifiedOn);
		}

	}

	record RefugeeCardIssue(LocalDate issuedOn, LocalDate expiresOn) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			happened(checks, "issuedOn", this.issuedOn, aCase);
			expiry(checks, "expiresOn", this.expiresOn, this.issuedOn);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new RefugeeCardIssued(caseId, this.issuedOn, this.expiresOn);
		}

	}

	record ResolutionNotice(String resolutionId, String outcome, LocalDate notifiedOn) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			checks.text("resolutionId", this.resolutionId, MAX_ID);
			checks.oneOf("outcome", this.outcome, ResolutionOutcome.class);
			happened(checks, "notifiedOn", this.notifiedOn, aCase);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new ResolutionNotified(caseId, this.resolutionId, ResolutionOutcome.valueOf(this.outcome),
					this.notifiedOn);
		}

	}

	record ReconsiderationFiling(LocalDate filedOn) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			happened(checks, "filedOn", this.filedOn, aCase);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new ReconsiderationFiled(caseId, this.filedOn);
		}

	}

	record ReconsiderationDecision(String outcome, LocalDate notifiedOn) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			checks.oneOf("outcome", this.outcome, DecisionOutcome.class);
			happened(checks, "notifiedOn", this.notifiedOn, aCase);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new ReconsiderationDecided(caseId, DecisionOutcome.valueOf(this.outcome), this.notifiedOn);
		}

	}

	record AppealFiling(LocalDate filedOn) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			happened(checks, "filedOn", this.filedOn, aCase);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new AppealFiled(caseId, this.filedOn);
		}

	}

	record AppealDecision(String outcome, LocalDate notifiedOn) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			checks.oneOf("outcome", this.outcome, DecisionOutcome.class);
			happened(checks, "notifiedOn", this.notifiedOn, aCase);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new AppealDecided(caseId, DecisionOutcome.valueOf(this.outcome), this.notifiedOn);
		}

	}

	/** Checked like the arrival date of a new case: the old one does not bound it. */
	record ArrivalDateCorrection(LocalDate arrivalDate) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			if (checks.required("arrivalDate", this.arrivalDate)) {
				checks.pastDate("arrivalDate", this.arrivalDate, Checks.EARLIEST, Checks.EARLIEST.toString());
			}
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new ArrivalDateCorrected(caseId, this.arrivalDate);
		}

	}

	record Closing(String reason, LocalDate closedOn) implements CaseFact {

		@Override
		public void check(Checks checks, Case aCase) {
			checks.oneOf("reason", this.reason, ClosureReason.class);
			happened(checks, "closedOn", this.closedOn, aCase);
		}

		@Override
		public CaseEvent toEvent(String caseId) {
			return new CaseClosed(caseId, ClosureReason.valueOf(this.reason), this.closedOn);
		}

	}

	/** A required date of something done: not in the future, not before arrival. */
	private static void happened(Checks checks, String field, LocalDate date, Case aCase) {
		if (checks.required(field, date)) {
			checks.pastDate(field, date, earliest(aCase), "the arrival date");
		}
	}

	/** An optional last day of validity: after the day of issue. */
	private static void expiry(Checks checks, String field, LocalDate date, LocalDate issuedOn) {
		if (date != null && issuedOn != null && !date.isAfter(issuedOn)) {
			checks.fail(field, "must be after the day of issue");
		}
	}

	// Arrival dates are never before 1990, so they bound every other date.
	private static LocalDate earliest(Case aCase) {
		return aCase.arrivalDate();
	}

}
