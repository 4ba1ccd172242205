package org.plazo.cases.cases;

import java.net.URI;
import java.util.List;

import org.plazo.cases.access.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registers cases and shows them. Every case-scoped request goes through
 * {@link CaseAccess} first.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

	private final CaseManagement cases;

	private final CaseAccess access;

	CaseController(CaseManagement cases, CaseAccess access) {
		this.cases = cases;
		this.access = access;
	}

	/**
	 * A caseworker's case is theirs; an operator may name who holds it, or leave it to
	 * nobody.
	 */
	@PostMapping
	ResponseEntity<CaseView> open(@RequestBody OpenCase request, Authentication authentication) {
		Caller caller = Caller.of(authentication);
		String caseworker = request.caseworker();
		if (!caller.isOperator()) {
			if (caseworker != null && !caseworker.equals(caller.subject())) {
				throw new AccessDeniedException("Only an operator names the caseworker");
			}
			caseworker = caller.subject();
		}
		Case opened = this.cases.open(request, Actors.of(authentication), caseworker);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id())).body(CaseView.of(opened));
	}

	@GetMapping("/{caseId}")
	CaseView get(@PathVariable String caseId, Authentication authentication) {
		CaseView view = CaseView.of(this.access.find(caseId, authentication));
		Caller caller = Caller.of(authentication);
		boolean viewerOnly = caller.hasRole(Caller.VIEWER) && !caller.isOperator()
				&& !caller.hasRole(Caller.CASEWORKER);
		return viewerOnly ? view.withoutPersonalData() : view;
	}

	@PostMapping("/{caseId}/events")
	ResponseEntity<CaseView.Fact> record(@PathVariable String caseId, @RequestBody CaseFact fact,
			Authentication authentication) {
		this.access.visible(caseId, authentication);
		CaseView.Fact recorded = CaseView.Fact.of(this.cases.record(caseId, fact));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/events/" + recorded.eventId()))
			.body(recorded);
	}

	@GetMapping("/{caseId}/events")
	List<CaseView.Fact> facts(@PathVariable String caseId, Authentication authentication) {
		return CaseView.of(this.access.find(caseId, authentication)).facts();
	}

	@GetMapping("/{caseId}/events/{eventId}")
	CaseView.Fact fact(@PathVariable String caseId, @PathVariable String eventId, Authentication authentication) {
		return CaseView.of(this.access.find(caseId, authentication))
			.facts()
			.stream()
			.filter((fact) -> fact.eventId().equals(eventId))
			.findFirst()
			.orElseThrow(NotFoundException::noEvent);
	}

}
