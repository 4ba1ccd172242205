package org.plazo.deadlines.calendar;

import java.util.List;

/**
 * Input that passed parsing but makes no sense (an empty range, a kind that cannot be
 * used there). {@code ApiProblems} turns it into a 400 problem naming the fields.
 */
public class InvalidInput extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInput(String field, String detail) {
		this(List.of(new FieldProblem(field, detail)));
	}

	public InvalidInput(List<FieldProblem> problems) {
		super(problems.size() + " invalid field(s)");
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** One bad field, as listed under {@code errors} in the problem details. */
	public record FieldProblem(String field, String detail) {

	}

}
