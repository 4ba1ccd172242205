package org.plazo.cases.console;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security of the operator console: form login with a session cookie, CSRF tokens on
 * every form, strict security headers; operators act, viewers read. Users come from
 * {@code plazo.console.users} with bcrypt hashes. The JSON APIs have their own chain,
 * with bearer tokens ({@code access.ApiSecurity}).
 * <p>
 * Spring Boot's security auto-configuration is not on the classpath on purpose
 * (local-stack runs every service in one JVM, and it would lock the others), so
 * {@code ApiSecurity} registers the one security filter, for the console and the APIs
 * only.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurity {

	static final String OPERATOR = ConsoleProperties.Role.OPERATOR.name();

	static final String VIEWER = ConsoleProperties.Role.VIEWER.name();

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final Logger log = LoggerFactory.getLogger(ConsoleSecurity.class);

	@Bean
	SecurityFilterChain consoleFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/console", "/console/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/console/login", "/console/denied", "/console/assets/**")
						.permitAll()
						.requestMatchers(HttpMethod.GET, "/console/audit")
						.hasRole(OPERATOR)
						.requestMatchers(HttpMethod.GET, "/console", "/console/**")
						.hasAnyRole(OPERATOR, VIEWER)
						.anyRequest()
						.hasRole(OPERATOR))
			.formLogin((login) -> login.loginPage("/console/login").defaultSuccessUrl("/console", true))
			.logout((logout) -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedPage("/console/denied"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	@Bean
	PasswordEncoder consolePasswordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService consoleUsers(ConsoleProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		for (ConsoleProperties.User user : properties.users()) {
			if (user.username() == null || user.username().isBlank() || user.passwordHash() == null
					|| user.role() == null) {
				throw new IllegalStateException(
						"Every plazo.console.users entry needs a username, a password-hash and a role");
			}
			users.add(User.withUsername(user.username())
				.password(bcrypt(user.passwordHash()))
				.roles(user.role().name())
				.build());
		}
		if (users.isEmpty()) {
			log.warn("No console users are configured (plazo.console.users): nobody can log in to /console");
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static String bcrypt(String hash) {
		String bare = hash.startsWith("{bcrypt}") ? hash.substring("{bcrypt}".length()) : hash;
		if (!bare.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
			throw new IllegalStateException("A plazo.console.users password-hash is not a bcrypt hash");
		}
		return bare;
	}

}
