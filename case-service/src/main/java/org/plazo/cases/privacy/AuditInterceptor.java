package org.plazo.cases.privacy;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.plazo.cases.cases.Actors;
import org.plazo.cases.privacy.CaseAudit.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes an audit entry for every successful request that reads or changes a case through
 * the API ({@code /api/v1/cases/**}), named by its route and method. Erasure and export
 * write their own entries where the work is done.
 */
class AuditInterceptor implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

	private static final String CASES = "/api/v1/cases";

	private static final String CASE = CASES + "/{caseId}";

	private static final Map<String, Action> CHANGES = Map.of("POST " + CASE + "/events", Action.RECORD_EVENT,
			"POST " + CASE + "/assignments", Action.ASSIGN, "DELETE " + CASE + "/assignments/{assignmentId}",
			Action.REVOKE_ASSIGNMENT, "PATCH " + CASE + "/contact", Action.RECTIFY, "GET " + CASE + "/contact",
			Action.CONTACT_LOOKUP);

	private final CaseAudit audit;

	AuditInterceptor(CaseAudit audit) {
		this.audit = audit;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (ex != null || response.getStatus() >= 300) {
			return;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (!(pattern instanceof String route) || !route.startsWith(CASES) || route.equals(CASE + "/export")
				|| route.equals(CASE + "/person")) {
			return;
		}
		String caseId = caseId(request, response, route);
		if (caseId == null) {
			return;
		}
		Action action = CHANGES.get(request.getMethod() + " " + route);
		if (action == null) {
			action = route.equals(CASES) ? Action.OPEN
					: "GET".equals(request.getMethod()) ? Action.READ : Action.CHANGE;
		}
		try {
			this.audit.record(Actors.of(request.getUserPrincipal()), action, caseId);
		}
		catch (RuntimeException failed) {
			log.error("Could not audit {} of case {}: {}", action, caseId, failed.getClass().getName());
		}
	}

	@SuppressWarnings("unchecked")
	private static String caseId(HttpServletRequest request, HttpServletResponse response, String route) {
		if (route.equals(CASES)) {
			// A new case: its id is the last segment of the Location answered.
			String location = response.getHeader("Location");
			return (location != null) ? location.substring(location.lastIndexOf('/') + 1) : null;
		}
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return (variables instanceof Map<?, ?> map) ? ((Map<String, String>) map).get("caseId") : null;
	}

}
