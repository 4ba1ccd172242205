package org.plazo.notify.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.plazo.notify.operations.OperationsProblems.NotFound;
import org.plazo.notify.privacy.PersonErasure;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Law 81 access and portability: everything this service holds about one case, decrypted
 * (contact details, language, consent and opt-out, notifications, a self-registration,
 * partner links), for case-service to assemble with the other services' parts. Audited:
 * who read which case.
 */
@RestController
@RequestMapping("/api/v1/operations")
class CaseExportController {

	static final String EXPORT_CASE = "EXPORT_CASE";

	private final PersonErasure people;

	private final OperationsAudit audit;

	CaseExportController(PersonErasure people, OperationsAudit audit) {
		this.people = people;
		this.audit = audit;
	}

	/**
	 * @return the case's data by section; 404 when this service holds nothing about it
	 */
	@GetMapping("/cases/{caseId}/export")
	Map<String, Object> export(@PathVariable String caseId, Authentication caller,
			@RequestHeader(name = Parameters.ACTOR_HEADER, required = false) String onBehalfOf) {
		String id = Parameters.id("caseId", caseId);
		Map<String, Object> sections = this.people.export(id)
			.orElseThrow(() -> new NotFound("This service holds nothing about that case."));
		this.audit.record(caller.getName(), Parameters.onBehalfOf(onBehalfOf), EXPORT_CASE, id);
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("caseId", id);
		export.put("service", "notify-service");
		export.putAll(sections);
		return export;
	}

}
