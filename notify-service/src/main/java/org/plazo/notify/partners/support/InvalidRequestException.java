package org.plazo.notify.partners.support;

import java.util.List;

/**
 * A request with bad fields, every one of them named.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidRequestException(List<FieldProblem> problems) {
		super(problems.size() + " invalid field(s)");
		this.problems = List.copyOf(problems);
	}

	public static InvalidRequestException of(String field, String detail) {
		return new InvalidRequestException(List.of(new FieldProblem(field, detail)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
