package org.plazo.notify.partners.ngos;

import java.time.Instant;
import java.util.List;

import org.plazo.events.cases.SharedData;
import org.plazo.notify.partners.support.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an organisation may see of itself and of the cases linked to it, by the opaque
 * references its events carry. Another organisation's reference is not found.
 */
@RestController
@RequestMapping("/api/v1/partners")
class PartnerCasesController {

	private final CaseLinks links;

	PartnerCasesController(CaseLinks links) {
		this.links = links;
	}

	@GetMapping("/me")
	Me me(AuthenticatedNgo caller) {
		return new Me(caller.id(), caller.ngo().name(), caller.ngo().kafkaFeed());
	}

	/** The cases linked to the caller now. */
	@GetMapping("/cases")
	List<LinkedCase> cases(AuthenticatedNgo caller) {
		return this.links.activeCasesOf(caller.id())
			.stream()
			.flatMap((caseId) -> view(caller.ngo(), caseId).stream())
			.toList();
	}

	/** One case by the caller's reference, also after its link ended. */
	@GetMapping("/cases/{caseRef}")
	LinkedCase linkedCase(AuthenticatedNgo caller, @PathVariable String caseRef) {
		return this.links.caseOf(caller.ngo(), caseRef)
			.flatMap((caseId) -> view(caller.ngo(), caseId).stream().findFirst())
			.orElseThrow(() -> new NotFoundException("case"));
	}

	private List<LinkedCase> view(Ngo ngo, String caseId) {
		List<CaseLink> all = this.links.all(caseId, ngo.id());
		if (all.isEmpty()) {
			return List.of();
		}
		CaseLink latest = all.get(all.size() - 1);
		return List.of(new LinkedCase(CaseReferences.caseRef(ngo, caseId), latest.active(), latest.sharedData(),
				latest.assignedAt(), latest.revokedAt()));
	}

	record Me(String ngoId, String name, boolean kafkaFeed) {

	}

	/**
	 * A case as an organisation sees it: its reference and what the applicant agreed to
	 * share. Names and contact details come from case-service's API to organisations with
	 * consent (issue 7).
	 */
	record LinkedCase(String caseRef, boolean active, List<SharedData> sharedData, Instant assignedAt,
			Instant revokedAt) {

	}

}
