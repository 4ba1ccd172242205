package org.plazo.deadlines.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A closure or observance an operator entered, with the decree or resolution behind it.
 *
 * @param id assigned on creation
 * @param date the day
 * @param kind closure or observance
 * @param reason in words, e.g. {@code Carnival Monday}
 * @param source e.g. {@code Decreto Ejecutivo 3 de 2026}
 */
public record Closure(String id, LocalDate date, ClosureKind kind, String reason, String source) {

	public Closure {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(source, "source");
	}

	NonBusinessDay asDay() {
		return new NonBusinessDay(this.date, this.kind.dayKind(), this.reason, this.source);
	}

}
