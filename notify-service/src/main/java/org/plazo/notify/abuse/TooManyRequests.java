package org.plazo.notify.abuse;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A client asked too often: 429 with {@code Retry-After}, answered as a problem by the
 * service's exception handlers.
 */
class TooManyRequests extends ErrorResponseException {

	static final URI TYPE = URI.create("urn:plazo:problem:too-many-requests");

	TooManyRequests(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests; try again after the time in Retry-After.");
		problem.setType(TYPE);
		problem.setTitle("Too many requests");
		return problem;
	}

}
