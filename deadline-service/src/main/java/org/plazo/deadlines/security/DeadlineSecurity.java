package org.plazo.deadlines.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API of deadline-service needs a bearer JWT (RS256) whose {@code roles} claim
 * grants the request; {@link CaseAccess} then narrows a caseworker to their own cases.
 * Health, Prometheus and the OpenAPI documents stay open. Stateless: no session, no
 * cookie, so no CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class DeadlineSecurity {

	static final String OPERATOR = "OPERATOR";

	static final String VIEWER = "VIEWER";

	static final String CASEWORKER = "CASEWORKER";

	static final String SERVICE = "SERVICE";

	/** The roles a token may carry, lowercase in the {@code roles} claim. */
	static final Set<String> ROLES = Set.of("operator", "viewer", "caseworker", "service");

	/** Where the local issuer of the embedded default publishes its keys. */
	static final String LOCAL_ISSUER_JWKS = "http://localhost:9000/oauth2/jwks";

	private static final Log log = LogFactory.getLog(DeadlineSecurity.class);

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
					"/actuator/prometheus")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole(OPERATOR)
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			// Case-scoped: CaseAccess answers 404 for a case that is not the
			// caseworker's.
			.requestMatchers(HttpMethod.GET, "/api/v1/cases/**")
			.hasAnyRole(OPERATOR, VIEWER, CASEWORKER)
			.requestMatchers(HttpMethod.GET, "/api/v1/calendar/**", "/api/v1/bulk-extensions",
					"/api/v1/bulk-extensions/**")
			.hasAnyRole(OPERATOR, VIEWER, CASEWORKER)
			.requestMatchers("/api/v1/calendar/**", "/api/v1/bulk-extensions", "/api/v1/bulk-extensions/**")
			.hasRole(OPERATOR)
			.requestMatchers(HttpMethod.POST, "/api/v1/deadlines/preview")
			.hasAnyRole(OPERATOR, VIEWER, CASEWORKER)
			// Operators only, by CaseAccess.exportable: a caseworker gets the 404 of an
			// unknown case, whatever the case.
			.requestMatchers(HttpMethod.GET, "/api/v1/operations/cases/*/export")
			.hasAnyRole(OPERATOR, CASEWORKER)
			.requestMatchers(HttpMethod.GET, "/api/v1/operations/**")
			.hasAnyRole(OPERATOR, VIEWER)
			.requestMatchers("/api/v1/operations/**")
			.hasRole(OPERATOR)
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
						.authenticationEntryPoint((request, response, ex) -> unauthorized(response))
						.accessDeniedHandler((request, response, ex) -> forbidden(response)))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint((request, response, ex) -> unauthorized(response))
						.accessDeniedHandler((request, response, ex) -> forbidden(response)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable());
		return http.build();
	}

	/**
	 * The embedded default when no issuer, key set or public key is configured: the keys
	 * of local-stack's development issuer. Production sets
	 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (the prod profile
	 * requires it), and then Spring Boot's decoder takes this one's place.
	 */
	@Bean
	@Conditional(NoJwtSourceConfigured.class)
	JwtDecoder localIssuerJwtDecoder(Environment environment) {
		String jwks = environment.getProperty("plazo.security.local-issuer-jwks", LOCAL_ISSUER_JWKS);
		log.warn("No JWT issuer is configured: accepting tokens signed by the development issuer's keys at " + jwks
				+ " (not for real data)");
		return NimbusJwtDecoder.withJwkSetUri(jwks).build();
	}

	/** {@code roles} to ROLE_OPERATOR... and {@code scope} to SCOPE_x. */
	static JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
			List<GrantedAuthority> authorities = new ArrayList<>(roles(jwt));
			authorities.addAll(scopes.convert(jwt));
			return authorities;
		});
		return converter;
	}

	static List<GrantedAuthority> roles(Jwt jwt) {
		Object claim = jwt.getClaims().get("roles");
		List<GrantedAuthority> roles = new ArrayList<>();
		if (claim instanceof Collection<?> values) {
			for (Object value : values) {
				if (value instanceof String role && ROLES.contains(role)) {
					roles.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
				}
			}
		}
		return roles;
	}

	private static void unauthorized(HttpServletResponse response) throws IOException {
		// Says nothing about why the token failed: the client learns no more than "not
		// valid".
		response.setHeader("WWW-Authenticate", "Bearer realm=\"plazo\"");
		problem(response, HttpStatus.UNAUTHORIZED, "urn:plazo:problem:unauthorized",
				"This API needs a valid bearer token.");
	}

	private static void forbidden(HttpServletResponse response) throws IOException {
		problem(response, HttpStatus.FORBIDDEN, "urn:plazo:problem:forbidden",
				"The token's roles do not allow this request.");
	}

	/**
	 * The same RFC 9457 shape as the service's problem advice; nothing of the request.
	 */
	private static void problem(HttpServletResponse response, HttpStatus status, String type, String detail)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		// Written as bytes, so the content type carries no charset, as Spring's own
		// problems.
		response.getOutputStream()
			.write(("{\"type\":\"" + type + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}")
				.getBytes(StandardCharsets.UTF_8));
	}

	/** No JWT source among Spring Boot's resource-server properties. */
	static class NoJwtSourceConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			for (String name : List.of("jwk-set-uri", "issuer-uri", "public-key-location")) {
				// Present is enough: resolving it here would fail before RequiredSettings
				// names what is missing.
				if (environment.containsProperty("spring.security.oauth2.resourceserver.jwt." + name)) {
					return false;
				}
			}
			return true;
		}

	}

}
