package org.plazo.deadlines.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Published (as a Spring application event) when a closure or observance is added or
 * removed. A deadline may move if its counting runs through {@code from}..{@code to}: in
 * practice, recompute the cases with a deadline still open whose last day is on or after
 * {@code from} (closures only ever push a last day later, and explanations mention them).
 *
 * @param from the first changed day
 * @param to the last changed day (inclusive)
 */
public record CalendarChanged(LocalDate from, LocalDate to) {

	public CalendarChanged {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
	}

}
