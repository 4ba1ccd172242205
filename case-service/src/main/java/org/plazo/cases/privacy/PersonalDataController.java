package org.plazo.cases.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.plazo.cases.access.Caller;
import org.plazo.cases.cases.Actors;
import org.plazo.cases.cases.CaseAccess;
import org.plazo.cases.cases.ContactCorrection;
import org.plazo.cases.cases.NotFoundException;
import org.plazo.cases.cases.PersonalData;
import org.plazo.cases.privacy.CaseAudit.Action;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's Law 81 rights over their case: the contact lookup (for those who write to
 * them), rectification, access and portability (export) and cancellation (erasure). An
 * unknown or erased case is a 404 everywhere.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}")
class PersonalDataController {

	private final PersonalData cases;

	private final RemoteExports remote;

	private final Erasure erasure;

	private final CaseAudit audit;

	private final Clock clock;

	private final CaseAccess access;

	PersonalDataController(PersonalData cases, RemoteExports remote, Erasure erasure, CaseAudit audit, Clock clock,
			CaseAccess access) {
		this.access = access;
		this.cases = cases;
		this.remote = remote;
		this.erasure = erasure;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/contact")
	PersonalData.Contact contact(@PathVariable String caseId, Authentication caller) {
		return load(caseId, caller);
	}

	/** Replaces how to reach the person as a whole; see {@link ContactCorrection}. */
	@PatchMapping("/contact")
	PersonalData.Contact rectify(@PathVariable String caseId, @RequestBody ContactCorrection correction,
			Authentication caller) {
		load(caseId, caller);
		return this.cases.rectify(caseId, correction, Actors.of(caller));
	}

	/**
	 * Everything Plazo holds about the case's person, from all three services; a service
	 * that did not answer is named in {@code missing}, and {@code complete} is false.
	 */
	@GetMapping("/export")
	Map<String, Object> export(@PathVariable String caseId, Authentication caller) {
		load(caseId, caller);
		PersonalData.CaseExport own = this.cases.export(caseId).orElseThrow(NotFoundException::noCase);
		List<RemoteExports.Part> parts = List.of(this.remote.deadlines(caseId), this.remote.notifications(caseId));
		List<String> missing = new ArrayList<>();
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("caseId", caseId);
		export.put("exportedAt", this.clock.instant());
		export.put("case-service", own);
		for (RemoteExports.Part part : parts) {
			if (part.state() == RemoteExports.Part.State.UNAVAILABLE) {
				missing.add(part.service());
			}
			export.put(part.service(),
					Map.of("state", part.state(), "data", (part.data() != null) ? part.data() : Map.of()));
		}
		this.audit.record(Actors.of(caller), Action.EXPORT, caseId);
		export.put("auditTrail", this.audit.find(caseId, null, null, null, 0, CaseAuditController.MAX_SIZE).entries());
		export.put("complete", missing.isEmpty());
		export.put("missing", missing);
		return export;
	}

	/**
	 * Erases the person: crypto-shredding of their key and deletion of the case but for a
	 * tombstone. Erasing again answers the same to an operator; a caseworker reaches only
	 * a case they hold, so an erased one is a 404 to them.
	 */
	@DeleteMapping("/person")
	ResponseEntity<Map<String, Object>> erase(@PathVariable String caseId, Authentication caller) {
		if (!Caller.of(caller).isOperator()) {
			this.access.visible(caseId, caller);
		}
		Instant erasedAt = this.erasure.erase(caseId, Actors.of(caller), Action.ERASE)
			.orElseThrow(NotFoundException::noCase);
		return ResponseEntity.ok(Map.of("caseId", caseId, "erasedAt", erasedAt));
	}

	// Every route but erasure loads the case here, so one object-level check covers them.
	private PersonalData.Contact load(String caseId, Authentication caller) {
		this.access.visible(caseId, caller);
		return this.cases.contact(caseId).orElseThrow(NotFoundException::noCase);
	}

}
