package org.plazo.cases.cases;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.plazo.events.cases.SharedData;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Links cases to the organisations that assist their applicants, with the applicant's
 * consent per organisation and per category of data, and ends those links. Every request
 * goes through {@link CaseAccess} first.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/assignments")
class AssignmentController {

	private final CaseManagement cases;

	private final CaseAccess access;

	AssignmentController(CaseManagement cases, CaseAccess access) {
		this.cases = cases;
		this.access = access;
	}

	@PostMapping
	ResponseEntity<AssignmentView> assign(@PathVariable String caseId, @RequestBody AssignCase request,
			Authentication authentication) {
		this.access.visible(caseId, authentication);
		AssignmentView assigned = AssignmentView.of(caseId, this.cases.assign(caseId, request));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/assignments/" + assigned.assignmentId()))
			.body(assigned);
	}

	@GetMapping
	List<AssignmentView> list(@PathVariable String caseId, Authentication authentication) {
		Case aCase = this.access.find(caseId, authentication);
		return aCase.assignments().stream().map((assignment) -> AssignmentView.of(caseId, assignment)).toList();
	}

	@GetMapping("/{assignmentId}")
	AssignmentView get(@PathVariable String caseId, @PathVariable String assignmentId, Authentication authentication) {
		Case aCase = this.access.find(caseId, authentication);
		return AssignmentView.of(caseId, aCase.assignment(assignmentId).orElseThrow(NotFoundException::noAssignment));
	}

	/** Revocation: the link ends now; it is kept, with the time it ended. */
	@DeleteMapping("/{assignmentId}")
	ResponseEntity<Void> revoke(@PathVariable String caseId, @PathVariable String assignmentId,
			Authentication authentication) {
		this.access.visible(caseId, authentication);
		this.cases.revoke(caseId, assignmentId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A link as the API shows it.
	 */
	record AssignmentView(String assignmentId, String caseId, String ngoId, ConsentView consent, Instant assignedAt,
			Instant revokedAt, boolean active) {

		static AssignmentView of(String caseId, Assignment assignment) {
			Assignment.Consent consent = assignment.consent();
			return new AssignmentView(assignment.assignmentId(), caseId, assignment.ngoId(),
					new ConsentView(consent.sharedData(), consent.givenAt(), consent.obtainedBy(),
							consent.noticeVersion()),
					assignment.assignedAt(), assignment.revokedAt(), assignment.active());
		}

	}

	record ConsentView(List<SharedData> sharedData, Instant givenAt, String obtainedBy, String noticeVersion) {

	}

}
