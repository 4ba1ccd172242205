package org.plazo.notify.partners;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.plazo.notify.partners.support.ConflictException;
import org.plazo.notify.partners.support.FieldProblem;
import org.plazo.notify.partners.support.InvalidRequestException;
import org.plazo.notify.partners.support.NotFoundException;
import org.plazo.notify.partners.support.UnauthorizedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The partner API's own error answers, as RFC 9457 problems; scoped to the partner
 * controllers. Malformed requests and unexpected failures are answered by the service's
 * {@code ApiProblems}. Problems name fields, never the values submitted.
 */
@RestControllerAdvice(basePackages = "org.plazo.notify.partners")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerProblems {

	static final URI INVALID_REQUEST = URI.create("urn:plazo:problem:invalid-request");

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
