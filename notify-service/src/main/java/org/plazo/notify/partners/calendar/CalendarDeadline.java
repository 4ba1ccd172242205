package org.plazo.notify.partners.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline as calendars show it. {@code sequence} grows with every change a calendar
 * must pick up (RFC 5545 SEQUENCE): the deadline moved, or was met, missed or cancelled.
 *
 * @param deadlineId the deadline (internal; calendars get an opaque UID)
 * @param kind e.g. {@code FILING_WINDOW}
 * @param lastDay the last day to act (America/Panama)
 * @param dueAt the instant the term closes
 * @param legalBasis the law behind it, in words
 * @param status {@code OPEN}, {@code MET}, {@code MISSED} or {@code CANCELLED}
 * @param sequence the revision, from 0
 * @param updatedAt when it last changed
 */
record CalendarDeadline(String deadlineId, String kind, LocalDate lastDay, Instant dueAt, String legalBasis,
		String status, int sequence, Instant updatedAt) {

	/** This deadline with new values; the same one when nothing changes. */
	CalendarDeadline with(LocalDate lastDay, Instant dueAt, String legalBasis, String status, Instant now) {
		boolean moved = !this.lastDay.equals(lastDay) || !this.dueAt.equals(dueAt);
		if (!moved && this.status.equals(status)) {
			return this;
		}
		return new CalendarDeadline(this.deadlineId, this.kind, lastDay, dueAt,
				(legalBasis != null) ? legalBasis : this.legalBasis, status, this.sequence + 1, now);
	}

}
