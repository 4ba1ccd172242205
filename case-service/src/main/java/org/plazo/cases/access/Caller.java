package org.plazo.cases.access;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling, as far as the case rules care: the token's subject and its roles.
 *
 * @param subject the {@code sub} claim: a staff or client identifier, never an
 * applicant's data
 * @param authorities the granted authorities ({@code ROLE_OPERATOR},
 * {@code SCOPE_contacts:read}, ...)
 */
public record Caller(String subject, Set<String> authorities) {

	public static final String OPERATOR = "OPERATOR";

	public static final String CASEWORKER = "CASEWORKER";

	public static final String VIEWER = "VIEWER";

	public static final String SERVICE = "SERVICE";

	public Caller {
		authorities = Set.copyOf(authorities);
	}

	/** The caller behind a request; nobody (no role) when it is not authenticated. */
	public static Caller of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return new Caller(null, Set.of());
		}
		return new Caller(authentication.getName(),
				authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.collect(Collectors.toUnmodifiableSet()));
	}

	public boolean hasRole(String role) {
		return this.authorities.contains("ROLE_" + role);
	}

	public boolean isOperator() {
		return hasRole(OPERATOR);
	}

	/**
	 * Whether the caller may reach a case held by {@code caseworker} (null: nobody holds
	 * it). Operators, viewers and services reach every case; a caseworker only the cases
	 * they hold.
	 */
	public boolean mayReach(String caseworker) {
		if (isOperator() || hasRole(VIEWER) || hasRole(SERVICE)) {
			return true;
		}
		return hasRole(CASEWORKER) && this.subject != null && this.subject.equals(caseworker);
	}

}
