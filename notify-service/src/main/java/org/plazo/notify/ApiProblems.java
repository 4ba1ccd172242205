package org.plazo.notify;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.plazo.notify.sms.InvalidWebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
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
 * Errors as RFC 9457 {@code application/problem+json}, for every controller of this
 * service (the partner and operations APIs add their own on top). A problem names the
 * field at fault and never echoes what was sent, nor an exception's message or class.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_$.\\[\\]-]{1,100}");

	static final URI INVALID_REQUEST = URI.create("urn:plazo:problem:invalid-request");

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(InvalidWebhookSignature.class)
	ProblemDetail invalidSignature(InvalidWebhookSignature ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"The request's signature is missing or does not match; nothing was changed.");
		problem.setType(URI.create("urn:plazo:problem:invalid-signature"));
		problem.setTitle("Invalid signature");
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

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, unreadable(ex), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return handleExceptionInternal(ex, invalid(field, "has the wrong type"), headers, HttpStatus.BAD_REQUEST,
				request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, invalid(ex.getParameterName(), "is required"), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Every other answer of Spring MVC's own (405, 406, 415, a missing header...) keeps
	 * its status and headers but gets a detail of ours: Spring's quote what was sent (the
	 * method, the content type, the value that did not convert).
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
			return invalid(missing.getHeaderName(), "is required");
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

	private static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null && !(cause instanceof JacksonException)) {
			cause = cause.getCause();
		}
		if (cause instanceof StreamConstraintsException) {
			return invalid("", "The body is too large or too deeply nested.");
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return invalid(path(unknown), "is not a known property");
		}
		if (cause instanceof MismatchedInputException mismatch && !path(mismatch).isEmpty()) {
			return invalid(path(mismatch), expected(mismatch.getTargetType()));
		}
		if (cause instanceof JacksonException) {
			return invalid("", "The body is not valid JSON.");
		}
		return invalid("", "A JSON body is required.");
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
				path.append((path.length() > 0) ? "." : "").append(named(reference.getPropertyName()));
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ProblemDetail invalid(String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has 1 invalid field(s); see errors.");
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", field, "detail", detail)));
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
