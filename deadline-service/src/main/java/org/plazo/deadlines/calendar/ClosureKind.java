package org.plazo.deadlines.calendar;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an operator can enter in the calendar. Written in lower case in JSON, like
 * {@link DayKind}; read in either case.
 */
public enum ClosureKind {

	/** Public offices closed by executive decree (e.g. Carnival Monday). */
	CLOSURE,
	/** A day commonly observed but not a day of rest by law (e.g. 4 November). */
	OBSERVANCE;

	DayKind dayKind() {
		return (this == CLOSURE) ? DayKind.CLOSURE : DayKind.OBSERVANCE;
	}

	@JsonCreator
	static ClosureKind of(String value) {
		for (ClosureKind kind : values()) {
			if (kind.name().equalsIgnoreCase(value)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("must be closure or observance");
	}

	@JsonValue
	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
