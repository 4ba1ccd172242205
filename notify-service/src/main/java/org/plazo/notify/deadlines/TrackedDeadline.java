package org.plazo.notify.deadlines;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One deadline of a case, as the deadline stream last described it.
 *
 * @param deadlineId the deadline
 * @param kind its kind, e.g. {@code FILING_WINDOW}
 * @param lastDay the last day (America/Panama)
 * @param dueAt the closing instant
 * @param status open, met, missed or cancelled
 */
public record TrackedDeadline(String deadlineId, String kind, LocalDate lastDay, Instant dueAt, Status status) {

	/** Where the deadline stands. */
	public enum Status {

		OPEN, MET, MISSED, CANCELLED

	}

}
