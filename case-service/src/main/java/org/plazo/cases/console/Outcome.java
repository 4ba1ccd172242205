package org.plazo.cases.console;

import java.util.List;

/**
 * How an action another service carried out ended.
 *
 * @param status what happened
 * @param problems the fields the service found wrong, for {@link Status#INVALID}
 */
record Outcome(Status status, List<FieldProblem> problems) {

	static final Outcome OK = new Outcome(Status.OK, List.of());

	static final Outcome NOT_FOUND = new Outcome(Status.NOT_FOUND, List.of());

	static final Outcome CONFLICT = new Outcome(Status.CONFLICT, List.of());

	static final Outcome UNAVAILABLE = new Outcome(Status.UNAVAILABLE, List.of());

	static Outcome invalid(List<FieldProblem> problems) {
		return new Outcome(Status.INVALID, List.copyOf(problems));
	}

	boolean ok() {
		return this.status == Status.OK;
	}

	enum Status {

		OK, INVALID, NOT_FOUND, CONFLICT, UNAVAILABLE

	}

	/**
	 * A field another service, or the console itself, found wrong.
	 *
	 * @param field the field's name
	 * @param detail what is wrong with it
	 */
	record FieldProblem(String field, String detail) {

	}

}
