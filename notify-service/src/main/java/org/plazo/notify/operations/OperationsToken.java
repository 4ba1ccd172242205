package org.plazo.notify.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a request reach {@code /api/v1/operations/**} only with the configured
 * {@code plazo.operations.token} in {@code X-Plazo-Operator-Token}, compared in constant
 * time. Without a configured token every operations request is refused. Issue 7 replaces
 * this with OAuth2.
 */
@Component
class OperationsToken implements WebMvcConfigurer, HandlerInterceptor {

	static final String HEADER = "X-Plazo-Operator-Token";

	static final String PATHS = "/api/v1/operations/**";

	private static final Log log = LogFactory.getLog(OperationsToken.class);

	private final byte[] expected;

	OperationsToken(@Value("${plazo.operations.token:}") String token) {
		if (!StringUtils.hasText(token)) {
			log.warn("plazo.operations.token is not set: every request to /api/v1/operations is refused");
			this.expected = null;
		}
		else {
			this.expected = digest(token);
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(PATHS);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (accepts(request.getHeader(HEADER))) {
			return true;
		}
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"urn:plazo:problem:unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
					+ "\"detail\":\"The operations API needs a valid operations token in " + HEADER + ".\","
					+ "\"errors\":[{\"field\":\"" + HEADER + "\",\"detail\":\"is missing or not valid\"}]}");
		return false;
	}

	boolean accepts(String presented) {
		if (this.expected == null || presented == null) {
			return false;
		}
		// Digests of equal length: the comparison time says nothing about the token.
		return MessageDigest.isEqual(this.expected, digest(presented));
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
