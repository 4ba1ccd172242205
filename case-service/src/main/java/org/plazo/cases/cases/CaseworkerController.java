package org.plazo.cases.cases;

import org.plazo.cases.access.Caller;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gives a case to another caseworker: operators only. A caseworker asking about a case
 * that is not theirs hears that it does not exist, as everywhere; about their own, that
 * their role does not allow it.
 */
@RestController
class CaseworkerController {

	private final CaseManagement cases;

	private final CaseAccess access;

	CaseworkerController(CaseManagement cases, CaseAccess access) {
		this.cases = cases;
		this.access = access;
	}

	@PutMapping("/api/v1/cases/{caseId}/caseworker")
	CaseworkerView assign(@PathVariable String caseId, @RequestBody AssignCaseworker request,
			Authentication authentication) {
		this.access.visible(caseId, authentication);
		if (!Caller.of(authentication).isOperator()) {
			throw new AccessDeniedException("Only an operator gives a case to a caseworker");
		}
		Case aCase = this.cases.assignCaseworker(caseId, request.caseworker());
		return new CaseworkerView(aCase.id(), aCase.caseworker());
	}

	/**
	 * The request body.
	 *
	 * @param caseworker the {@code sub} of the caseworker who holds the case from now on
	 */
	record AssignCaseworker(String caseworker) {

	}

	record CaseworkerView(String caseId, String caseworker) {

	}

}
