package org.plazo.deadlines.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Bearer tokens for tests, signed RS256 with the test-only key in
 * {@code src/test/resources/jwt/} (the tests' resource server checks them with its public
 * half). Subjects are the development clients' ids.
 */
public final class TestTokens {

	public static final String ANA = "dev-caseworker-ana";

	public static final String BEN = "dev-caseworker-ben";

	private static final RSAPrivateKey KEY = privateKey("/jwt/test-only-private.pem");

	private TestTokens() {
	}

	public static String operator() {
		return token("dev-operator", List.of("operator"));
	}

	public static String viewer() {
		return token("dev-viewer", List.of("viewer"));
	}

	public static String caseworker(String subject) {
		return token(subject, List.of("caseworker"));
	}

	/** {@code Authorization} header value. */
	public static String bearer(String token) {
		return "Bearer " + token;
	}

	public static String token(String subject, List<String> roles) {
		return sign(KEY, subject, roles, Instant.now().plus(Duration.ofMinutes(10)));
	}

	/** Expired ten minutes ago: beyond the resource server's minute of clock skew. */
	public static String expired(String subject, List<String> roles) {
		return sign(KEY, subject, roles, Instant.now().minus(Duration.ofMinutes(10)));
	}

	/** Well formed, but signed with a key the service does not know. */
	public static String signedWithAnotherKey(String subject, List<String> roles) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return sign((RSAPrivateKey) generator.generateKeyPair().getPrivate(), subject, roles,
					Instant.now().plus(Duration.ofMinutes(10)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(RSAPrivateKey key, String subject, List<String> roles, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("https://issuer.test")
			.issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(20))))
			.expirationTime(Date.from(expiresAt))
			.claim("roles", roles)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-only").build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAPrivateKey privateKey(String resource) {
		try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
				.replaceAll("\\s", "");
			return (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
		}
		catch (IOException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every MockMvc request of the test class carries an operator's token unless it sets
	 * its own {@code Authorization} header.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class AsOperator {

		@Bean
		MockMvcBuilderCustomizer operatorToken() {
			return (builder) -> builder
				.defaultRequest(MockMvcRequestBuilders.get("/").header(HttpHeaders.AUTHORIZATION, bearer(operator())));
		}

	}

}
