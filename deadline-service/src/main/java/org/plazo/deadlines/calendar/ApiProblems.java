package org.plazo.deadlines.calendar;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.plazo.deadlines.calendar.InvalidInput.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The service's one place for RFC 9457 problem details: every bad input is a 400
 * {@code application/problem+json} whose {@code errors} lists each bad field as
 * {@code {"field": ..., "detail": ...}}. Details never echo personal data.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	static final URI INVALID_REQUEST = URI.create("urn:plazo:problem:invalid-request");

	static final URI NOT_FOUND = URI.create("urn:plazo:problem:not-found");

	private static final Log log = LogFactory.getLog(ApiProblems.class);

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<Object> invalidInput(InvalidInput ex, WebRequest request) {
		return badRequest(ex, ex.problems(), request);
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(NOT_FOUND);
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		// The message may quote stored data; the type and the place are enough to start.
		StackTraceElement[] trace = ex.getStackTrace();
		log.error("Request failed with " + ex.getClass().getName() + " at " + ((trace.length > 0) ? trace[0] : "?"));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed.");
		problem.setTitle("Internal error");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return badRequest(ex, problems, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> problems
					.add(new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
		return badRequest(ex, problems, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		String detail = "LocalDate".equals(expected) ? "must be a real date, YYYY-MM-DD"
				: "must be a valid " + expected;
		return badRequest(ex, List.of(new FieldProblem(field, detail)), request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(ex, List.of(new FieldProblem(ex.getParameterName(), "is required")), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(ex, List.of(unreadable(ex)), request);
	}

	private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		JacksonException jackson = findJackson(ex);
		if (jackson == null) {
			return new FieldProblem("body", "is not readable JSON");
		}
		String field = path(jackson);
		if (jackson instanceof UnrecognizedPropertyException unknown) {
			return new FieldProblem(field, "is not a known property");
		}
		if (jackson instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
			Class<?> target = invalid.getTargetType();
			if (target.isEnum()) {
				return new FieldProblem(field, "must be one of " + List.of(target.getEnumConstants()));
			}
			if (target.getSimpleName().equals("LocalDate")) {
				return new FieldProblem(field, "must be a real date, YYYY-MM-DD");
			}
			return new FieldProblem(field, "must be a valid " + target.getSimpleName());
		}
		if (field.isEmpty()) {
			return new FieldProblem("body", "is not readable JSON");
		}
		String detail = (cause instanceof IllegalArgumentException) ? cause.getMessage() : "has an invalid value";
		return new FieldProblem(field, detail);
	}

	private static JacksonException findJackson(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	/** {@code interviews[0].date} from Jackson's reference path. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private ResponseEntity<Object> badRequest(Exception ex, List<FieldProblem> problems, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has " + problems.size() + " invalid field(s); see errors.");
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

}
