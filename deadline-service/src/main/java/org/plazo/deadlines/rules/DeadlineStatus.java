package org.plazo.deadlines.rules;

/**
 * Where a deadline stands; {@link ComputedDeadline#status()} holds its name.
 */
public enum DeadlineStatus {

	/** Running: reminders apply. */
	OPEN,
	/** Done: the filing was made. */
	MET,
	/** The last day passed with nothing done (or a document expired): an alert. */
	MISSED,
	/** No longer applies (case closed, superseded, replaced). */
	CANCELLED,
	/** Information only, without reminders. */
	INFO

}
