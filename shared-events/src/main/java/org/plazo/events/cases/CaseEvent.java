package org.plazo.events.cases;

import org.plazo.events.PlazoEvent;

/**
 * The case stream: what happened to a case, in order.
 */
public sealed interface CaseEvent extends PlazoEvent permits CaseOpened, ApplicationFiled, CertificateIssued,
		InterviewScheduled, ProvisionalCardIssued, RefugeeStatusGranted, RefugeeCardIssued, ResolutionNotified,
		ReconsiderationFiled, ReconsiderationDecided, AppealFiled, AppealDecided, ArrivalDateCorrected, CaseClosed,
		CaseAssigned, AssignmentRevoked, CaseworkerAssigned, ContactDetailsChanged, PersonErased {

}
