package org.plazo.deadlines.calendar;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a day is not a business day.
 */
public enum DayKind {

	/** Saturday or Sunday. */
	WEEKEND,
	/** A day of obligatory rest by law. */
	STATUTORY,
	/** The Monday after a statutory holiday that fell on a Sunday. */
	SUBSTITUTE,
	/** Public offices closed by decree; unsettled whether it stops a legal term. */
	CLOSURE,
	/** Commonly observed but not a day of rest by law (e.g. 4 November). */
	OBSERVANCE;

	/** Whether an operator enters it, as opposed to a rule of law the calendar knows. */
	public boolean operatorManaged() {
		return this == CLOSURE || this == OBSERVANCE;
	}

	@JsonValue
	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
