package org.plazo.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * Mints bearer tokens as the identity provider would, signed with the test-only key in
 * {@code src/test/resources/jwt} (the test properties point the service at its public
 * half). Times are real: the service checks expiry against the system clock.
 */
public final class TestTokens {

	private static final RSAPrivateKey KEY = privateKey();

	private TestTokens() {
	}

	public static String operator() {
		return token("dev-operator", List.of("operator"), null);
	}

	public static String viewer() {
		return token("dev-viewer", List.of("viewer"), null);
	}

	/** A caseworker's token; their {@code sub} is {@code subject}. */
	public static String caseworker(String subject) {
		return token(subject, List.of("caseworker"), null);
	}

	/** A service's token, such as notify-service's with scope {@code contacts:read}. */
	public static String service(String subject, String scope) {
		return token(subject, List.of("service"), scope);
	}

	/** {@code Bearer <token>}, for an Authorization header. */
	public static String bearer(String token) {
		return "Bearer " + token;
	}

	public static String token(String subject, List<String> roles, String scope) {
		Instant now = Instant.now();
		return sign(KEY, claims(subject, roles, scope, now, now.plus(Duration.ofMinutes(10))));
	}

	/** A token that expired an hour ago. */
	public static String expired(String subject, List<String> roles) {
		Instant now = Instant.now();
		return sign(KEY, claims(subject, roles, null, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))));
	}

	/** A well-formed token signed by a key the service does not trust. */
	public static String signedByAnotherKey(String subject, List<String> roles) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair other = generator.generateKeyPair();
			Instant now = Instant.now();
			return sign((RSAPrivateKey) other.getPrivate(),
					claims(subject, roles, null, now, now.plus(Duration.ofMinutes(10))));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWTClaimsSet claims(String subject, List<String> roles, String scope, Instant issuedAt,
			Instant expiresAt) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("http://localhost:9000")
			.issueTime(Date.from(issuedAt))
			.notBeforeTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt))
			.claim("roles", roles);
		if (scope != null) {
			claims.claim("scope", scope);
		}
		return claims.build();
	}

	private static String sign(RSAPrivateKey key, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAPrivateKey privateKey() {
		try (InputStream in = new ClassPathResource("jwt/test-only-private.pem").getInputStream()) {
			return RsaKeyConverters.pkcs8().convert(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
