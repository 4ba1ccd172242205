package org.plazo.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.plazo.events.cases.AppealDecided;
import org.plazo.events.cases.AppealFiled;
import org.plazo.events.cases.ApplicationFiled;
import org.plazo.events.cases.ArrivalDateCorrected;
import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseworkerAssigned;
import org.plazo.events.cases.ContactDetailsChanged;
import org.plazo.events.cases.PersonErased;
import org.plazo.events.cases.CaseAssigned;
import org.plazo.events.cases.CaseClosed;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.CertificateIssued;
import org.plazo.events.cases.ClosureReason;
import org.plazo.events.cases.ContactChannel;
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
import org.plazo.events.cases.SharedData;
import org.plazo.events.deadlines.DeadlineCancelled;
import org.plazo.events.deadlines.DeadlineMet;
import org.plazo.events.deadlines.DeadlineMissed;
import org.plazo.events.deadlines.DeadlineRescheduled;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.deadlines.SilenceAlert;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.notifications.NotificationDelivered;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.events.notifications.NotificationSent;
import org.plazo.events.notifications.OptOutRecorded;
import org.plazo.events.notifications.SelfRegistrationConfirmed;

/**
 * One sample of every event type, with invented people.
 */
final class EventSamples {

	static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

	private EventSamples() {
	}

	static List<PlazoEvent> all() {
		return List.of(
				new CaseOpened("case-1", LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, "+50760001234", null, true,
						1, NOW),
				new ApplicationFiled("case-1", LocalDate.of(2026, 3, 9)),
				new CertificateIssued("case-1", LocalDate.of(2026, 3, 9), LocalDate.of(2026, 9, 9)),
				new InterviewScheduled("case-1", "interview-1", InterviewKind.REGISTRATION, LocalDate.of(2026, 4, 14),
						LocalTime.of(9, 30)),
				new ProvisionalCardIssued("case-1", "member-1", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 1)),
				new RefugeeStatusGranted("case-1", LocalDate.of(2027, 1, 15)),
				new RefugeeCardIssued("case-1", LocalDate.of(2027, 2, 1), null),
				new ResolutionNotified("case-1", "R-2026-0042", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 13)),
				new ReconsiderationFiled("case-1", LocalDate.of(2026, 2, 19)),
				new ReconsiderationDecided("case-1", DecisionOutcome.DENIED, LocalDate.of(2026, 4, 10)),
				new AppealFiled("case-1", LocalDate.of(2026, 4, 15)),
				new AppealDecided("case-1", DecisionOutcome.GRANTED, LocalDate.of(2026, 6, 5)),
				new ArrivalDateCorrected("case-1", LocalDate.of(2026, 2, 28)),
				new CaseClosed("case-1", ClosureReason.WITHDRAWN, LocalDate.of(2026, 7, 1)),
				new CaseAssigned("case-1", "assignment-1", "ngo-1",
						List.of(SharedData.PROCEDURAL_EVENTS, SharedData.CONTACT_DETAILS),
						Instant.parse("2026-03-02T14:30:00Z"), "caseworker-17", "2026-03", NOW),
				new AssignmentRevoked("case-1", "assignment-1", "ngo-1", NOW),
				new CaseworkerAssigned("case-1", "caseworker-17", NOW), new ContactDetailsChanged("case-1", NOW),
				new PersonErased("case-1", NOW),
				new DeadlineScheduled("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW", LocalDate.of(2026, 9, 3),
						Instant.parse("2026-09-03T21:00:00Z"), "filing-window", "2026.1",
						"Decreto Ejecutivo 5 de 2018, art. 30"),
				new DeadlineRescheduled("case-1", "case-1:RECONSIDERATION", "RECONSIDERATION",
						LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 24), Instant.parse("2026-02-23T21:00:00Z"),
						Instant.parse("2026-02-24T21:00:00Z"), "CALENDAR_CHANGED", "Ley 38 de 2000, art. 67"),
				new DeadlineCancelled("case-1", "case-1:APPEAL", "APPEAL", "CASE_CLOSED"),
				new DeadlineMet("case-1", "case-1:RECONSIDERATION", "RECONSIDERATION"),
				new DeadlineMissed("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW", LocalDate.of(2026, 9, 3),
						Instant.parse("2026-09-03T21:00:00Z"), "Decreto Ejecutivo 5 de 2018, art. 30"),
				new SilenceAlert("case-1", "case-1:ADMINISTRATIVE_SILENCE", LocalDate.of(2026, 3, 2),
						LocalDate.of(2026, 5, 2), "Ley 38 de 2000, art. 200"),
				new ReminderDue("case-1", "case-1:FILING_WINDOW:P-30D", "case-1:FILING_WINDOW", "FILING_WINDOW",
						LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"),
						"Decreto Ejecutivo 5 de 2018, art. 30", Instant.parse("2026-08-04T12:00:00Z")),
				new NotificationSent("case-1", "n-1", "case-1:FILING_WINDOW:P-30D", "SMS", "dev", 1, NOW),
				new NotificationFailed("case-1", "n-2", "case-1:FILING_WINDOW:P-30D", "EMAIL", "NO_ADDRESS", true, NOW),
				new NotificationDelivered("case-1", "n-1", "case-1:FILING_WINDOW:P-30D", "SMS", "twilio", NOW),
				new OptOutRecorded("case-1", "SMS", "BAJA", NOW), new SelfRegistrationConfirmed(
						"0b7e3f4a-5c1d-4e2f-9a8b-1c2d3e4f5a6b", "+50760001234", LocalDate.of(2026, 3, 15), "es", NOW));
	}

}
