package org.plazo.cases.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import static org.plazo.cases.access.Caller.CASEWORKER;
import static org.plazo.cases.access.Caller.OPERATOR;
import static org.plazo.cases.access.Caller.SERVICE;
import static org.plazo.cases.access.Caller.VIEWER;

/**
 * Security of the JSON APIs ({@code /api/**}): stateless, a bearer JWT on every request,
 * roles from its {@code roles} claim ({@link JwtRoles}). The rules here are by role and
 * method; which case a caseworker may reach is decided per case by {@code CaseAccess},
 * which answers 404 for a case that is not theirs.
 * <p>
 * Tokens are checked against {@code spring.security.oauth2.resourceserver.jwt.*}: the
 * issuer's {@code jwk-set-uri}, else a {@code public-key-location} (tests), else an
 * {@code issuer-uri} (production, discovered at start); with none set, the local issuer's
 * keys at {@value #LOCAL_JWK_SET_URI}.
 * <p>
 * Spring Boot's security auto-configuration is not on the classpath (see
 * {@code ConsoleSecurity}): the one security filter is registered here for the console
 * and the APIs only, so OpenAPI documents and the actuator stay open.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ApiSecurity {

	static final String LOCAL_JWK_SET_URI = "http://localhost:9000/oauth2/jwks";

	private static final String PROPERTIES = "spring.security.oauth2.resourceserver.jwt.";

	private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, JwtDecoder apiJwtDecoder) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/api/v1/imports", "/api/v1/imports/**", "/api/v1/audit", "/api/v1/audit/**",
						"/api/v1/privacy/**")
				.hasRole(OPERATOR)
				// Everything held about a person, decrypted: their caseworker and
				// operators,
				// never viewers.
				.requestMatchers(HttpMethod.GET, "/api/v1/cases/*/export")
				.hasAnyRole(OPERATOR, CASEWORKER)
				// A case's contact details: its people, operators, and a service allowed
				// to read them.
				.requestMatchers(HttpMethod.GET, "/api/v1/cases/*/contact")
				.access(AuthorizationManagers.anyOf(AuthorityAuthorizationManager.hasAnyRole(OPERATOR, CASEWORKER),
						AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(SERVICE),
								AuthorityAuthorizationManager.hasAuthority("SCOPE_contacts:read"))))
				.requestMatchers(HttpMethod.GET, "/api/v1/cases/**")
				.hasAnyRole(OPERATOR, CASEWORKER, VIEWER)
				.requestMatchers("/api/v1/cases", "/api/v1/cases/**")
				.hasAnyRole(OPERATOR, CASEWORKER)
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.decoder(apiJwtDecoder).jwtAuthenticationConverter(JwtRoles.converter()))
				.authenticationEntryPoint(ProblemResponses.unauthorized())
				.accessDeniedHandler(ProblemResponses.forbidden()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(ProblemResponses.unauthorized())
				.accessDeniedHandler(ProblemResponses.forbidden()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// No cookies, so no cross-site request to forge.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	JwtDecoder apiJwtDecoder(Environment environment) {
		String jwkSetUri = environment.getProperty(PROPERTIES + "jwk-set-uri");
		String publicKeyLocation = environment.getProperty(PROPERTIES + "public-key-location");
		String issuerUri = environment.getProperty(PROPERTIES + "issuer-uri");
		if (isSet(jwkSetUri) || !isSet(publicKeyLocation) && !isSet(issuerUri)) {
			String uri = isSet(jwkSetUri) ? jwkSetUri : LOCAL_JWK_SET_URI;
			if (!isSet(jwkSetUri)) {
				log.warn("No token issuer configured: accepting tokens of the local development issuer ({})", uri);
			}
			// The keys are fetched on the first request, so the issuer may start later.
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(uri)
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
			decoder.setJwtValidator(isSet(issuerUri) ? JwtValidators.createDefaultWithIssuer(issuerUri)
					: JwtValidators.createDefault());
			return decoder;
		}
		if (isSet(publicKeyLocation)) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(publicKeyLocation))
				.signatureAlgorithm(SignatureAlgorithm.RS256)
				.build();
			decoder.setJwtValidator(isSet(issuerUri) ? JwtValidators.createDefaultWithIssuer(issuerUri)
					: JwtValidators.createDefault());
			return decoder;
		}
		return JwtDecoders.fromIssuerLocation(issuerUri);
	}

	/** The firewall's refusals (a {@code ;} or {@code //} in a path) are problems too. */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return ProblemResponses.rejected();
	}

	/**
	 * Spring Security sees only the console's and the APIs' requests; OpenAPI documents
	 * and the actuator pass untouched.
	 */
	@Bean
	FilterRegistrationBean<Filter> securityFilter(@Qualifier("springSecurityFilterChain") Filter filter) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("plazoSecurityFilter");
		registration.addUrlPatterns("/console", "/console/*", "/api/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		registration.setOrder(-100);
		return registration;
	}

	private static boolean isSet(String value) {
		return value != null && !value.isBlank();
	}

	private static RSAPublicKey publicKey(String location) {
		Resource resource = new DefaultResourceLoader().getResource(location);
		try (InputStream in = resource.getInputStream()) {
			return RsaKeyConverters.x509().convert(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token public key at " + location, ex);
		}
	}

}
