package org.plazo.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.plazo.events.cases.InterviewScheduled;
import org.plazo.events.cases.ProvisionalCardIssued;
import org.plazo.events.cases.ReconsiderationDecided;
import org.plazo.events.cases.ReconsiderationFiled;
import org.plazo.events.cases.RefugeeCardIssued;
import org.plazo.events.cases.RefugeeStatusGranted;
import org.plazo.events.cases.ResolutionNotified;
import org.plazo.events.deadlines.DeadlineCancelled;
import org.plazo.events.deadlines.DeadlineMet;
import org.plazo.events.deadlines.DeadlineMissed;
import org.plazo.events.deadlines.DeadlineRescheduled;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.deadlines.SilenceAlert;
import org.plazo.events.notifications.NotificationDelivered;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.events.notifications.NotificationSent;
import org.plazo.events.notifications.OptOutRecorded;
import org.plazo.events.notifications.SelfRegistrationConfirmed;

/**
 * Every event type Plazo puts on the wire. A type name is never reused for another
 * meaning: a breaking change is a new name with a new version suffix.
 */
public final class EventCatalog {

	public static final EventType<CaseOpened> CASE_OPENED = new EventType<>("org.plazo.case.opened.v1",
			CaseOpened.class, Topics.CASE_EVENTS);

	public static final EventType<ApplicationFiled> APPLICATION_FILED = new EventType<>(
			"org.plazo.case.application-filed.v1", ApplicationFiled.class, Topics.CASE_EVENTS);

	public static final EventType<CertificateIssued> CERTIFICATE_ISSUED = new EventType<>(
			"org.plazo.case.certificate-issued.v1", CertificateIssued.class, Topics.CASE_EVENTS);

	public static final EventType<InterviewScheduled> INTERVIEW_SCHEDULED = new EventType<>(
			"org.plazo.case.interview-scheduled.v1", InterviewScheduled.class, Topics.CASE_EVENTS);

	public static final EventType<ProvisionalCardIssued> PROVISIONAL_CARD_ISSUED = new EventType<>(
			"org.plazo.case.provisional-card-issued.v1", ProvisionalCardIssued.class, Topics.CASE_EVENTS);

	public static final EventType<RefugeeStatusGranted> REFUGEE_STATUS_GRANTED = new EventType<>(
			"org.plazo.case.refugee-status-granted.v1", RefugeeStatusGranted.class, Topics.CASE_EVENTS);

	public static final EventType<RefugeeCardIssued> REFUGEE_CARD_ISSUED = new EventType<>(
			"org.plazo.case.refugee-card-issued.v1", RefugeeCardIssued.class, Topics.CASE_EVENTS);

	public static final EventType<ResolutionNotified> RESOLUTION_NOTIFIED = new EventType<>(
			"org.plazo.case.resolution-notified.v1", ResolutionNotified.class, Topics.CASE_EVENTS);

	public static final EventType<ReconsiderationFiled> RECONSIDERATION_FILED = new EventType<>(
			"org.plazo.case.reconsideration-filed.v1", ReconsiderationFiled.class, Topics.CASE_EVENTS);

	public static final EventType<ReconsiderationDecided> RECONSIDERATION_DECIDED = new EventType<>(
			"org.plazo.case.reconsideration-decided.v1", ReconsiderationDecided.class, Topics.CASE_EVENTS);

	public static final EventType<AppealFiled> APPEAL_FILED = new EventType<>("org.plazo.case.appeal-filed.v1",
			AppealFiled.class, Topics.CASE_EVENTS);

	public static final EventType<AppealDecided> APPEAL_DECIDED = new EventType<>("org.plazo.case.appeal-decided.v1",
			AppealDecided.class, Topics.CASE_EVENTS);

	public static final EventType<ArrivalDateCorrected> ARRIVAL_DATE_CORRECTED = new EventType<>(
			"org.plazo.case.arrival-date-corrected.v1", ArrivalDateCorrected.class, Topics.CASE_EVENTS);

	public static final EventType<CaseClosed> CASE_CLOSED = new EventType<>("org.plazo.case.closed.v1",
			CaseClosed.class, Topics.CASE_EVENTS);

	public static final EventType<CaseAssigned> CASE_ASSIGNED = new EventType<>("org.plazo.case.assigned.v1",
			CaseAssigned.class, Topics.CASE_EVENTS);

	public static final EventType<AssignmentRevoked> ASSIGNMENT_REVOKED = new EventType<>(
			"org.plazo.case.assignment-revoked.v1", AssignmentRevoked.class, Topics.CASE_EVENTS);

	public static final EventType<CaseworkerAssigned> CASEWORKER_ASSIGNED = new EventType<>(
			"org.plazo.case.caseworker-assigned.v1", CaseworkerAssigned.class, Topics.CASE_EVENTS);

	public static final EventType<ContactDetailsChanged> CONTACT_DETAILS_CHANGED = new EventType<>(
			"org.plazo.case.contact-details-changed.v1", ContactDetailsChanged.class, Topics.CASE_EVENTS);

	public static final EventType<PersonErased> PERSON_ERASED = new EventType<>("org.plazo.case.person-erased.v1",
			PersonErased.class, Topics.CASE_EVENTS);

	public static final EventType<DeadlineScheduled> DEADLINE_SCHEDULED = new EventType<>(
			"org.plazo.deadline.scheduled.v1", DeadlineScheduled.class, Topics.DEADLINE_EVENTS);

	public static final EventType<DeadlineRescheduled> DEADLINE_RESCHEDULED = new EventType<>(
			"org.plazo.deadline.rescheduled.v1", DeadlineRescheduled.class, Topics.DEADLINE_EVENTS);

	public static final EventType<DeadlineCancelled> DEADLINE_CANCELLED = new EventType<>(
			"org.plazo.deadline.cancelled.v1", DeadlineCancelled.class, Topics.DEADLINE_EVENTS);

	public static final EventType<DeadlineMet> DEADLINE_MET = new EventType<>("org.plazo.deadline.met.v1",
			DeadlineMet.class, Topics.DEADLINE_EVENTS);

	public static final EventType<DeadlineMissed> DEADLINE_MISSED = new EventType<>("org.plazo.deadline.missed.v1",
			DeadlineMissed.class, Topics.DEADLINE_EVENTS);

	public static final EventType<SilenceAlert> SILENCE_ALERT = new EventType<>("org.plazo.deadline.silence-alert.v1",
			SilenceAlert.class, Topics.DEADLINE_EVENTS);

	public static final EventType<ReminderDue> REMINDER_DUE = new EventType<>("org.plazo.reminder.due.v1",
			ReminderDue.class, Topics.DEADLINE_EVENTS);

	public static final EventType<NotificationSent> NOTIFICATION_SENT = new EventType<>(
			"org.plazo.notification.sent.v1", NotificationSent.class, Topics.NOTIFICATION_EVENTS);

	public static final EventType<NotificationFailed> NOTIFICATION_FAILED = new EventType<>(
			"org.plazo.notification.failed.v1", NotificationFailed.class, Topics.NOTIFICATION_EVENTS);

	public static final EventType<NotificationDelivered> NOTIFICATION_DELIVERED = new EventType<>(
			"org.plazo.notification.delivered.v1", NotificationDelivered.class, Topics.NOTIFICATION_EVENTS);

	public static final EventType<OptOutRecorded> OPT_OUT_RECORDED = new EventType<>(
			"org.plazo.notification.opt-out-recorded.v1", OptOutRecorded.class, Topics.NOTIFICATION_EVENTS);

	public static final EventType<SelfRegistrationConfirmed> SELF_REGISTRATION_CONFIRMED = new EventType<>(
			"org.plazo.notification.self-registration-confirmed.v1", SelfRegistrationConfirmed.class,
			Topics.NOTIFICATION_EVENTS);

	/** The case stream's types. */
	public static final List<EventType<?>> CASE_TYPES = List.of(CASE_OPENED, APPLICATION_FILED, CERTIFICATE_ISSUED,
			INTERVIEW_SCHEDULED, PROVISIONAL_CARD_ISSUED, REFUGEE_STATUS_GRANTED, REFUGEE_CARD_ISSUED,
			RESOLUTION_NOTIFIED, RECONSIDERATION_FILED, RECONSIDERATION_DECIDED, APPEAL_FILED, APPEAL_DECIDED,
			ARRIVAL_DATE_CORRECTED, CASE_CLOSED, CASE_ASSIGNED, ASSIGNMENT_REVOKED, CASEWORKER_ASSIGNED,
			CONTACT_DETAILS_CHANGED, PERSON_ERASED);

	/** The deadline stream's types. */
	public static final List<EventType<?>> DEADLINE_TYPES = List.of(DEADLINE_SCHEDULED, DEADLINE_RESCHEDULED,
			DEADLINE_CANCELLED, DEADLINE_MET, DEADLINE_MISSED, SILENCE_ALERT, REMINDER_DUE);

	/** The notification stream's types. */
	public static final List<EventType<?>> NOTIFICATION_TYPES = List.of(NOTIFICATION_SENT, NOTIFICATION_FAILED,
			NOTIFICATION_DELIVERED, OPT_OUT_RECORDED, SELF_REGISTRATION_CONFIRMED);

	public static final List<EventType<?>> ALL = java.util.stream.Stream
		.of(CASE_TYPES, DEADLINE_TYPES, NOTIFICATION_TYPES)
		.flatMap(List::stream)
		.toList();

	private static final Map<String, EventType<?>> BY_NAME = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

	private static final Map<Class<?>, EventType<?>> BY_CLASS = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

	private EventCatalog() {
	}

	public static Optional<EventType<?>> byName(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	public static EventType<?> of(PlazoEvent event) {
		EventType<?> type = BY_CLASS.get(event.getClass());
		if (type == null) {
			throw new IllegalArgumentException("No event type registered for " + event.getClass().getSimpleName());
		}
		return type;
	}

}
