package org.plazo.notify.partners;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.plazo.notify.partners.support.ConflictException;
import org.plazo.notify.partners.support.FieldProblem;
import org.plazo.notify.partners.support.InvalidRequestException;
import org.plazo.notify.partners.support.NotFoundException;
import org.plazo.notify.partners.support.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answer of the partner API, as an RFC 9457 problem; scoped to the partner
 * controllers. Problems and logs name fields, never the values submitted.
 */
@RestControllerAdvice(basePackages = "org.plazo.notify.partners")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerProblems extends ResponseEntityExceptionHandler {

	static final URI INVALID_REQUEST = URI.create("urn:plazo:problem:invalid-request");

	private static final Logger log = LoggerFactory.getLogger(PartnerProblems.class);

	@ExceptionHandler
	ProblemDetail invalid(InvalidRequestException ex) {
		return invalid(ex.problems());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(URI.create("urn:plazo:problem:not-found"));
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
		problem.setType(URI.create("urn:plazo:problem:unauthorized"));
		problem.setTitle("Unauthorized");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, ex.scheme())
			.body(problem);
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(URI.create("urn:plazo:problem:conflict"));
		problem.setTitle("Conflict");
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "detail", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		// The message may quote stored data; the type and the place are enough to start.
		StackTraceElement[] trace = ex.getStackTrace();
		log.error("Partner request failed with {} at {}", ex.getClass().getName(), (trace.length > 0) ? trace[0] : "?");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed.");
		problem.setTitle("Internal error");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		while (cause != null && !(cause instanceof JacksonException)) {
			cause = cause.getCause();
		}
		FieldProblem problem;
		if (cause instanceof MismatchedInputException mismatch && !path(mismatch).isEmpty()) {
			problem = new FieldProblem(path(mismatch), expected(mismatch.getTargetType()));
		}
		else if (cause instanceof JacksonException) {
			problem = new FieldProblem("", "The body is not valid JSON.");
		}
		else {
			problem = new FieldProblem("", "A JSON body is required.");
		}
		return ResponseEntity.badRequest().body(invalid(List.of(problem)));
	}

	private static String expected(Class<?> type) {
		if (type == Instant.class) {
			return "must be a date and time with its offset, e.g. 2026-03-10T09:30:00-05:00";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == String.class) {
			return "must be a string";
		}
		if (type != null && (Collection.class.isAssignableFrom(type) || type.isArray())) {
			return "must be an array";
		}
		return "has the wrong type";
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ProblemDetail invalid(List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has " + problems.size() + " invalid field(s); see errors.");
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				problems.stream().map((p) -> Map.of("field", p.field(), "detail", p.detail())).toList());
		return problem;
	}

}
