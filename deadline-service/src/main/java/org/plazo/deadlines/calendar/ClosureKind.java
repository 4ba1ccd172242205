package org.plazo.deadlines.calendar;

/**
 * What an operator can enter in the calendar.
 */
public enum ClosureKind {

	/** Public offices closed by executive decree (e.g. Carnival Monday). */
	CLOSURE,
	/** A day commonly observed but not a day of rest by law (e.g. 4 November). */
	OBSERVANCE;

	DayKind dayKind() {
		return (this == CLOSURE) ? DayKind.CLOSURE : DayKind.OBSERVANCE;
	}

}
