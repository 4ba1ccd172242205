package org.plazo.cases;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.plazo.cases.cases.AlreadyAssignedException;
import org.plazo.cases.cases.NotFoundException;
import org.plazo.cases.cases.FieldProblem;
import org.plazo.cases.cases.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Builds every error answer of the service as an RFC 9457 problem. Problems and logs name
 * fields, never the values submitted: those may be names, phones or emails.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_$.\\[\\]-]{1,100}");

	static final URI INVALID_REQUEST = URI.create("urn:plazo:problem:invalid-request");

	static final URI NOT_FOUND = URI.create("urn:plazo:problem:not-found");

	static final URI FORBIDDEN = URI.create("urn:plazo:problem:forbidden");

	static final URI ALREADY_ASSIGNED = URI.create("urn:plazo:problem:already-assigned");

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return invalid(ex.problems());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(NOT_FOUND);
		problem.setTitle("Not found");
		return problem;
	}

	/** A role that does not allow this on a case the caller may reach. */
	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Your role does not allow this request.");
		problem.setType(FORBIDDEN);
		problem.setTitle("Forbidden");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail alreadyAssigned(AlreadyAssignedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(ALREADY_ASSIGNED);
		problem.setTitle("Already assigned");
		problem.setProperty("errors", List.of(Map.of("field", "ngoId", "detail", "is assigned to this case already")));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		// The message may quote stored data; the type and the place are enough to start.
		StackTraceElement[] trace = ex.getStackTrace();
		Object place = (trace.length > 0) ? List.of(trace).subList(0, Math.min(trace.length, 6)) : "?";
		log.error("Request failed with {} at {}", ex.getClass().getName(), place);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed.");
		problem.setTitle("Internal error");
		return problem;
	}

	/**
	 * A form Tomcat could not parse (bad encoding, too large): the client's fault.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> invalidForm(InvalidParameterException ex, WebRequest request) {
		HttpStatusCode status = HttpStatusCode.valueOf((ex.getErrorCode() >= 400) ? ex.getErrorCode() : 400);
		return handleExceptionInternal(ex, standard(ex, status), new HttpHeaders(), status, request);
	}

	/**
	 * Malformed JSON, a wrong type, an unknown property: name the field when there is
	 * one.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, invalid(List.of(unreadable(ex))), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return handleExceptionInternal(ex, invalid(List.of(new FieldProblem(field, expected(ex.getRequiredType())))),
				headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))),
				headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Every other answer of Spring MVC's own (404, 405, 406, 415, a missing header...)
	 * keeps its status and headers but gets a detail of ours: Spring's quote what was
	 * sent (the method, the content type, the value that did not convert).
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getType().equals(URI.create("about:blank"))
				&& !(ex instanceof ResponseStatusException) && isSprings(ex)) {
			body = standard(ex, statusCode);
		}
		else if (body == null && ex instanceof ErrorResponse error && isSprings(ex)) {
			body = standard(ex, error.getStatusCode());
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	/**
	 * Our own error responses (an import refused...) carry bodies written to be shown.
	 */
	private static boolean isSprings(Exception ex) {
		return ex.getClass().getName().startsWith("org.springframework.");
	}

	private static ProblemDetail standard(Exception ex, HttpStatusCode statusCode) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return invalid(List.of(new FieldProblem(missing.getHeaderName(), "is required")));
		}
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		String detail = switch ((status != null) ? status : HttpStatus.BAD_REQUEST) {
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This method is not allowed here; see the Allow header.";
			case NOT_ACCEPTABLE -> "No answer in an acceptable media type.";
			case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here.";
			case PAYLOAD_TOO_LARGE -> "The request is too large.";
			default -> "The request could not be processed.";
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusCode, detail);
		problem.setTitle((status != null) ? status.getReasonPhrase() : "Error");
		return problem;
	}

	private static FieldProblem unreadable(HttpMessageNotReadableException unreadable) {
		// The outermost Jackson exception knows the path; its own causes (e.g. a
		// DateTimeParseException) do not.
		Throwable cause = unreadable.getCause();
		while (cause != null && !(cause instanceof JacksonException)) {
			cause = cause.getCause();
		}
		if (cause instanceof StreamConstraintsException) {
			return new FieldProblem("", "The body is too large or too deeply nested.");
		}
		if (cause instanceof UnrecognizedPropertyException ex) {
			return new FieldProblem(path(ex), "is not a known property");
		}
		if (cause instanceof InvalidTypeIdException ex) {
			String field = path(ex).isEmpty() ? "type" : path(ex) + ".type";
			return new FieldProblem(field, (ex.getTypeId() == null) ? "is required" : "is not a known type");
		}
		if (cause instanceof MismatchedInputException ex && !path(ex).isEmpty()) {
			return new FieldProblem(path(ex), expected(ex.getTargetType()));
		}
		if (cause instanceof StreamReadException || cause instanceof JacksonException) {
			return new FieldProblem("", "The body is not valid JSON.");
		}
		return new FieldProblem("", "A JSON body is required.");
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "has the wrong type";
		}
		if (type == LocalDate.class) {
			return "must be a date, e.g. 2026-03-02";
		}
		if (type == LocalTime.class) {
			return "must be a time, e.g. 09:30";
		}
		if (type == Instant.class) {
			return "must be a date and time with its offset, e.g. 2026-03-10T09:30:00-05:00";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == String.class) {
			return "must be a string";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "must be a number";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "must be an array";
		}
		return "must be an object";
	}

	/**
	 * The JSON path as the validation problems write it, e.g. {@code household[0].name}.
	 */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(named(reference.getPropertyName()));
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

	/**
	 * A property name as the client wrote it, when it is a plain name: an unknown one may
	 * be anything.
	 */
	private static String named(String name) {
		return SAFE_NAME.matcher(name).matches() ? name : "(unnamed)";
	}

}
