package org.plazo.cases.cases;

import org.plazo.cases.access.Caller;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which cases a caller may reach, for every endpoint under
 * {@code /api/v1/cases/{caseId}}: operators, viewers and services every case, a
 * caseworker only the cases they hold. A case the caller may not reach is answered
 * exactly as one that does not exist, so ids cannot be probed. Call it before reading or
 * changing anything.
 */
@Component
public class CaseAccess {

	private final Cases cases;

	CaseAccess(Cases cases) {
		this.cases = cases;
	}

	/**
	 * Checks that the case exists and the caller may reach it.
	 * @throws NotFoundException when it does not exist or is not theirs
	 */
	public void visible(String caseId, Authentication caller) {
		find(caseId, caller);
	}

	/**
	 * The case, when it exists and the caller may reach it.
	 * @throws NotFoundException otherwise
	 */
	Case find(String caseId, Authentication caller) {
		Case aCase = this.cases.findById(caseId).orElseThrow(NotFoundException::noCase);
		if (!Caller.of(caller).mayReach(aCase.caseworker())) {
			throw NotFoundException.noCase();
		}
		return aCase;
	}

}
