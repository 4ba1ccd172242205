package org.plazo.cases.privacy;

import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case audit log, for operators: who read or changed which case, when.
 */
@RestController
class CaseAuditController {

	static final int MAX_SIZE = 500;

	private final CaseAudit audit;

	CaseAuditController(CaseAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/audit")
	CaseAudit.Page find(@RequestParam(required = false) String caseId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.audit.find(caseId, actor, from, to, Math.max(page, 0), Math.min(Math.max(size, 1), MAX_SIZE));
	}

}
