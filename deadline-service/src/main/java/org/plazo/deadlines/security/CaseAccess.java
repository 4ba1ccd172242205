package org.plazo.deadlines.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which cases the caller may see. Operators and viewers see every case; a caseworker only
 * the cases assigned to them ({@link CaseAssignments}); anyone else none. Every
 * case-scoped endpoint asks here first and answers a case it may not see exactly as an
 * unknown one (404), so case ids cannot be probed.
 */
@Component
public class CaseAccess {

	private final CaseAssignments assignments;

	CaseAccess(CaseAssignments assignments) {
		this.assignments = assignments;
	}

	/**
	 * The case id when the current caller may see the case, empty otherwise.
	 * @param caseId the case asked for
	 * @return {@code caseId}, or empty
	 */
	public Optional<String> readable(String caseId) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || !caller.isAuthenticated()) {
			return Optional.empty();
		}
		if (has(caller, DeadlineSecurity.OPERATOR) || has(caller, DeadlineSecurity.VIEWER)) {
			return Optional.of(caseId);
		}
		if (has(caller, DeadlineSecurity.CASEWORKER) && this.assignments.isAssignedTo(caseId, caller.getName())) {
			return Optional.of(caseId);
		}
		return Optional.empty();
	}

	/**
	 * The case id when the current caller may export the case's data: operators only.
	 * @param caseId the case asked for
	 * @return {@code caseId}, or empty
	 */
	public Optional<String> exportable(String caseId) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		boolean operator = caller != null && caller.isAuthenticated() && has(caller, DeadlineSecurity.OPERATOR);
		return operator ? Optional.of(caseId) : Optional.empty();
	}

	private static boolean has(Authentication caller, String role) {
		String authority = "ROLE_" + role;
		for (GrantedAuthority granted : caller.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
