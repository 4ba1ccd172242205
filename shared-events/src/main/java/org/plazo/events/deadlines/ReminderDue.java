package org.plazo.events.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A reminder of a deadline fell due and should be delivered to the person. The
 * {@code reminderId} is the idempotency key of every delivery it causes.
 *
 * @param caseId the case
 * @param reminderId stable id of this reminder
 * @param deadlineId the deadline it reminds of
 * @param kind the deadline kind, e.g. {@code FILING_WINDOW}
 * @param lastDay the last day to act (America/Panama)
 * @param dueAt the instant the term closes
 * @param legalBasis the law behind the deadline, in words
 * @param scheduledFor when the reminder was meant to fire
 */
public record ReminderDue(String caseId, String reminderId, String deadlineId, String kind, LocalDate lastDay,
		Instant dueAt, String legalBasis, Instant scheduledFor) implements DeadlineEvent {

	public ReminderDue {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(reminderId, "reminderId");
		Objects.requireNonNull(deadlineId, "deadlineId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(lastDay, "lastDay");
		Objects.requireNonNull(dueAt, "dueAt");
		Objects.requireNonNull(legalBasis, "legalBasis");
		Objects.requireNonNull(scheduledFor, "scheduledFor");
	}

}
