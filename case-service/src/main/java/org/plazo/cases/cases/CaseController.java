package org.plazo.cases.cases;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registers cases and shows them.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

	private final CaseManagement cases;

	CaseController(CaseManagement cases) {
		this.cases = cases;
	}

	@PostMapping
	ResponseEntity<CaseView> open(@RequestBody OpenCase request, Principal principal) {
		Case opened = this.cases.open(request, Actors.of(principal));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id())).body(CaseView.of(opened));
	}

	@GetMapping("/{caseId}")
	CaseView get(@PathVariable String caseId) {
		return CaseView.of(find(caseId));
	}

	@PostMapping("/{caseId}/events")
	ResponseEntity<CaseView.Fact> record(@PathVariable String caseId, @RequestBody CaseFact fact) {
		CaseView.Fact recorded = CaseView.Fact.of(this.cases.record(caseId, fact));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/events/" + recorded.eventId()))
			.body(recorded);
	}

	@GetMapping("/{caseId}/events")
	List<CaseView.Fact> facts(@PathVariable String caseId) {
		return CaseView.of(find(caseId)).facts();
	}

	@GetMapping("/{caseId}/events/{eventId}")
	CaseView.Fact fact(@PathVariable String caseId, @PathVariable String eventId) {
		return CaseView.of(find(caseId))
			.facts()
			.stream()
			.filter((fact) -> fact.eventId().equals(eventId))
			.findFirst()
			.orElseThrow(NotFoundException::noEvent);
	}

	private Case find(String caseId) {
		return this.cases.find(caseId).orElseThrow(NotFoundException::noCase);
	}

}
