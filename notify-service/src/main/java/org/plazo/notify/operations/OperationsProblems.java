package org.plazo.notify.operations;

import java.net.URI;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * RFC 9457 problems for the operations API: a 400 lists each bad field under
 * {@code errors} as {@code {"field": ..., "detail": ...}}; details never echo stored
 * data.
 */
@RestControllerAdvice(basePackageClasses = OperationsProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperationsProblems {

	static final URI INVALID_REQUEST = URI.create("urn:plazo:problem:invalid-request");

	@ExceptionHandler(InvalidParameter.class)
	ProblemDetail invalid(InvalidParameter ex) {
		return badRequest(ex.field, ex.detail);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		return badRequest(ex.getName(), "must be a valid " + expected);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException ex) {
		return badRequest(ex.getParameterName(), "is required");
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(URI.create("urn:plazo:problem:not-found"));
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(Conflict.class)
	ProblemDetail conflict(Conflict ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(URI.create("urn:plazo:problem:not-retryable"));
		problem.setTitle("Not retryable");
		problem.setProperty("status-now", ex.state);
		return problem;
	}

	private static ProblemDetail badRequest(String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has 1 invalid field(s); see errors.");
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(new FieldProblem(field, detail)));
		return problem;
	}

	record FieldProblem(String field, String detail) {

	}

	/** A parameter or header that makes no sense; names it. */
	static class InvalidParameter extends RuntimeException {

		private final String field;

		private final String detail;

		InvalidParameter(String field, String detail) {
			super(field + " " + detail);
			this.field = field;
			this.detail = detail;
		}

	}

	/** Nothing with that id. */
	static class NotFound extends RuntimeException {

		NotFound(String detail) {
			super(detail);
		}

	}

	/** The target is not in a state the action applies to. */
	static class Conflict extends RuntimeException {

		private final String state;

		Conflict(String detail, String state) {
			super(detail);
			this.state = state;
		}

	}

}
