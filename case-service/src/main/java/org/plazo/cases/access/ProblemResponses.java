package org.plazo.cases.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The answers of the security filters, as RFC 9457 problems like every other error of the
 * service. Fixed texts: nothing of the request (token, path) is echoed.
 */
final class ProblemResponses {

	static final String UNAUTHORIZED = "urn:plazo:problem:unauthorized";

	static final String FORBIDDEN = "urn:plazo:problem:forbidden";

	static final String INVALID_REQUEST = "urn:plazo:problem:invalid-request";

	private ProblemResponses() {
	}

	/** 401: no token, or one that is malformed, expired or not signed by the issuer. */
	static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> {
			// RFC 6750: say a bearer token is wanted, and whether the one sent was bad.
			String challenge = (ex instanceof OAuth2AuthenticationException) ? "Bearer error=\"invalid_token\""
					: "Bearer";
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
			write(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED, "Unauthorized",
					"A valid bearer token is required.");
		};
	}

	/** 403: authenticated, but the role does not allow this. */
	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
			write(response, HttpServletResponse.SC_FORBIDDEN, FORBIDDEN, "Forbidden",
					"Your role does not allow this request.");
		};
	}

	/** 400: a request the firewall refuses (a path or header no client needs). */
	static RequestRejectedHandler rejected() {
		return (request, response, ex) -> write(response, HttpServletResponse.SC_BAD_REQUEST, INVALID_REQUEST,
				"Bad request", "The request was refused.");
	}

	private static void write(HttpServletResponse response, int status, String type, String title, String detail)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		byte[] body = ("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ detail + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
