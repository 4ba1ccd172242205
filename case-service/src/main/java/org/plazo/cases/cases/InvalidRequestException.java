package org.plazo.cases.cases;

import java.util.List;

/**
 * A request with bad fields, every one of them named.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidRequestException(List<FieldProblem> problems) {
		super(problems.size() + " invalid field(s)");
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
