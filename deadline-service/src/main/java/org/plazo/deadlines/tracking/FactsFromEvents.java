package org.plazo.deadlines.tracking;

import org.plazo.deadlines.rules.CaseFacts;
import org.plazo.events.cases.AppealDecided;
import org.plazo.events.cases.AppealFiled;
import org.plazo.events.cases.ApplicationFiled;
import org.plazo.events.cases.ArrivalDateCorrected;
import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseAssigned;
import org.plazo.events.cases.CaseClosed;
import org.plazo.events.cases.CaseEvent;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.CaseworkerAssigned;
import org.plazo.events.cases.CertificateIssued;
import org.plazo.events.cases.ContactDetailsChanged;
import org.plazo.events.cases.InterviewScheduled;
import org.plazo.events.cases.PersonErased;
import org.plazo.events.cases.ProvisionalCardIssued;
import org.plazo.events.cases.ReconsiderationDecided;
import org.plazo.events.cases.ReconsiderationFiled;
import org.plazo.events.cases.RefugeeCardIssued;
import org.plazo.events.cases.RefugeeStatusGranted;
import org.plazo.events.cases.ResolutionNotified;

/**
 * Folds case events into the facts the rules read. Java 17 has no pattern {@code switch};
 * this {@code instanceof} chain covers the sealed case stream and fails loudly on a type
 * it does not handle yet (a test checks every permitted type is handled).
 */
final class FactsFromEvents {

	private FactsFromEvents() {
	}

	static CaseFacts apply(CaseFacts current, CaseEvent event) {
		CaseFacts facts = (current != null) ? current : CaseFacts.opened(event.caseId(), null);
		if (event instanceof CaseOpened e) {
			// A case opens once: a CaseOpened for a case with facts is a late copy, and
			// must not undo a corrected arrival date, however old it is.
			return (current != null && current.arrivalDate() != null) ? current
					: facts.withArrivalDate(e.arrivalDate());
		}
		if (event instanceof ArrivalDateCorrected e) {
			return facts.withArrivalDate(e.arrivalDate());
		}
		if (event instanceof ApplicationFiled e) {
			return facts.withApplicationFiled(e.filedOn());
		}
		if (event instanceof CertificateIssued e) {
			return facts.withCertificate(e.issuedOn(), e.validUntil());
		}
		if (event instanceof InterviewScheduled e) {
			return facts.withInterview(e.interviewId(), CaseFacts.InterviewKind.valueOf(e.kind().name()), e.date(),
					e.time());
		}
		if (event instanceof ProvisionalCardIssued e) {
			return facts.withProvisionalCard(e.memberRef(), e.issuedOn(), e.expiresOn());
		}
		if (event instanceof ResolutionNotified e) {
			return facts.withResolution(e.resolutionId(), CaseFacts.ResolutionOutcome.valueOf(e.outcome().name()),
					e.notifiedOn());
		}
		if (event instanceof ReconsiderationFiled e) {
			return facts.withReconsiderationFiled(e.filedOn());
		}
		if (event instanceof ReconsiderationDecided e) {
			return facts.withReconsiderationDecided(CaseFacts.DecisionOutcome.valueOf(e.outcome().name()),
					e.notifiedOn());
		}
		if (event instanceof AppealFiled e) {
			return facts.withAppealFiled(e.filedOn());
		}
		if (event instanceof AppealDecided e) {
			return facts.withAppealDecided(CaseFacts.DecisionOutcome.valueOf(e.outcome().name()), e.notifiedOn());
		}
		if (event instanceof RefugeeStatusGranted e) {
			return facts.withRefugeeStatusGranted(e.notifiedOn());
		}
		if (event instanceof RefugeeCardIssued e) {
			return facts.withRefugeeCard(e.issuedOn(), e.expiresOn());
		}
		if (event instanceof CaseClosed e) {
			return facts.withClosed(e.closedOn(), e.reason().name());
		}
		if (event instanceof CaseAssigned || event instanceof AssignmentRevoked || event instanceof CaseworkerAssigned
				|| event instanceof ContactDetailsChanged) {
			// Who assists the applicant, or how to reach them, changes no deadline.
			return facts;
		}
		if (event instanceof PersonErased) {
			// DeadlineTracking deletes the case instead; as a fact it changes nothing.
			return facts;
		}
		throw new IllegalArgumentException("Unhandled case event " + event.getClass().getSimpleName());
	}

}
