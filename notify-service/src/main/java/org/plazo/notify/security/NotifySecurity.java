package org.plazo.notify.security;

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
import org.springframework.core.annotation.Order;
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
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The first covers the paths that keep credentials of their own and
 * never see a JWT: the NGO partner API (bearer API keys, and its operator token), the SMS
 * provider webhooks (signatures), the calendar feeds (tokens in the address), the static
 * list of languages, health, Prometheus and the OpenAPI documents. The second covers
 * everything else: a bearer JWT (RS256) whose {@code roles} claim grants the request.
 * Both are stateless: no session, no cookie, no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class NotifySecurity {

	static final String OPERATOR = "OPERATOR";

	static final String VIEWER = "VIEWER";

	static final String CASEWORKER = "CASEWORKER";

	static final String SERVICE = "SERVICE";

	/** The roles a token may carry, lowercase in the {@code roles} claim. */
	static final Set<String> ROLES = Set.of("operator", "viewer", "caseworker", "service");

	/** Where the local issuer of the embedded default publishes its keys. */
	static final String LOCAL_ISSUER_JWKS = "http://localhost:9000/oauth2/jwks";

	private static final Log log = LogFactory.getLog(NotifySecurity.class);

	/**
	 * Their own credentials are checked further in (PartnerAuthentication, the Twilio
	 * signature, the feed token) and the rate limits stay in front of them as MVC
	 * interceptors: this chain only keeps the bearer-token filter away, which would take
	 * an NGO's API key for a malformed JWT.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain ownCredentials(HttpSecurity http) throws Exception {
		// The NGO operators' API is for operators, with their bearer tokens (below).
		RequestMatcher partners = new AndRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher("/api/v1/partners/**"), new NegatedRequestMatcher(
						PathPatternRequestMatcher.withDefaults().matcher("/api/v1/partners/ngos/**")));
		http.securityMatcher(
				new OrRequestMatcher(partners, PathPatternRequestMatcher.withDefaults().matcher("/api/v1/sms/**"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/messages/languages"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/health"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/health/**"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/info"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/prometheus"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/v3/api-docs"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/v3/api-docs/**"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/swagger-ui.html"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/swagger-ui/**")))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return stateless(http).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/api/v1/operations/cases/*/export")
					.hasRole(OPERATOR)
					.requestMatchers(HttpMethod.GET, "/api/v1/operations/**")
					.hasAnyRole(OPERATOR, VIEWER)
					.requestMatchers("/api/v1/operations/**", "/api/v1/partners/ngos/**")
					.hasRole(OPERATOR)
					.requestMatchers("/actuator/**")
					.hasRole(OPERATOR)
					.anyRequest()
					.authenticated())
			.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
						.authenticationEntryPoint((request, response, ex) -> unauthorized(response))
						.accessDeniedHandler((request, response, ex) -> forbidden(response)))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint((request, response, ex) -> unauthorized(response))
						.accessDeniedHandler((request, response, ex) -> forbidden(response)));
		return stateless(http).build();
	}

	private static HttpSecurity stateless(HttpSecurity http) throws Exception {
		return http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable());
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
