package org.plazo.notify;

import java.net.URI;

import org.plazo.notify.sms.InvalidWebhookSignature;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors as RFC 9457 {@code application/problem+json}, for every controller of this
 * service.
 */
@RestControllerAdvice
class ApiProblems {

	@ExceptionHandler(InvalidWebhookSignature.class)
	ProblemDetail invalidSignature(InvalidWebhookSignature ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"The request's signature is missing or does not match; nothing was changed.");
		problem.setType(URI.create("urn:plazo:problem:invalid-signature"));
		problem.setTitle("Invalid signature");
		return problem;
	}

}
