package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One instance of a rule in a case: the fact that starts it and, if known, what settled
 * it. Found by a {@link Trigger}; counted by the rule's {@link Counting}.
 *
 * @param deadlineId stable id within the case
 * @param start the day of the starting fact (arrival, notification, issue, the date set)
 * @param time the time set, for appointments
 * @param printedExpiry for documents, the expiry shown on it
 * @param facts the starting facts in words
 * @param settled what settled it, or {@code null} while it runs
 */
record Occurrence(String deadlineId, LocalDate start, LocalTime time, LocalDate printedExpiry, List<String> facts,
		Settled settled) {

	static Occurrence of(String deadlineId, LocalDate start, String fact) {
		return new Occurrence(deadlineId, start, null, null, List.of(fact), null);
	}

	Occurrence at(LocalTime time) {
		return new Occurrence(this.deadlineId, this.start, time, this.printedExpiry, this.facts, this.settled);
	}

	Occurrence expiringOn(LocalDate printedExpiry) {
		return new Occurrence(this.deadlineId, this.start, this.time, printedExpiry, this.facts, this.settled);
	}

	Occurrence settled(DeadlineStatus status, LocalDate on, String why) {
		return new Occurrence(this.deadlineId, this.start, this.time, this.printedExpiry, this.facts,
				new Settled(status, on, why));
	}

	/**
	 * A fact that ends a deadline: a filing ({@code MET}) or a change that makes it moot
	 * ({@code CANCELLED}).
	 */
	record Settled(DeadlineStatus status, LocalDate on, String why) {

	}

}
