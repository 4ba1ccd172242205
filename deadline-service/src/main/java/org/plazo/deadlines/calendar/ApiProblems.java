package org.plazo.deadlines.calendar;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.plazo.deadlines.calendar.InvalidInput.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The service's one place for RFC 9457 problem details: every bad input is a 400
 * {@code application/problem+json} whose {@code errors} lists each bad field as
 * {@code {"field": ..., "detail": ...}}. Details never echo personal data.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_$.\\[\\]-]{1,100}");

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
		Object place = (trace.length > 0) ? List.of(trace).subList(0, Math.min(trace.length, 6)) : "?";
		log.error("Request failed with " + ex.getClass().getName() + " at " + place);
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

	/** Our own error responses carry bodies written to be shown. */
	private static boolean isSprings(Exception ex) {
		return ex.getClass().getName().startsWith("org.springframework.");
	}

	private static ProblemDetail standard(Exception ex, HttpStatusCode statusCode) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return problem(List.of(new FieldProblem(missing.getHeaderName(), "is required")));
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

	private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
		JacksonException jackson = findJackson(ex);
		if (jackson == null) {
			return new FieldProblem("body", "is not readable JSON");
		}
		if (jackson instanceof StreamConstraintsException) {
			return new FieldProblem("body", "is too large or too deeply nested");
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
		// The cause's message may quote the value sent.
		return new FieldProblem(field, "has an invalid value");
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
				path.append(named(reference.getPropertyName()));
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private ResponseEntity<Object> badRequest(Exception ex, List<FieldProblem> problems, WebRequest request) {
		return handleExceptionInternal(ex, problem(problems), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail problem(List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has " + problems.size() + " invalid field(s); see errors.");
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems);
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
