package org.plazo.events.cases;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * ONPAR set a registration or extension interview.
 *
 * @param caseId the case
 * @param interviewId the caseworker's id for the interview, stable when it is rescheduled
 * @param kind registration or extension
 * @param date the day of the interview
 * @param time the time of the interview (America/Panama)
 */
public record InterviewScheduled(String caseId, String interviewId, InterviewKind kind, LocalDate date,
		LocalTime time) implements CaseEvent {

	public InterviewScheduled {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(interviewId, "interviewId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(time, "time");
	}

}
