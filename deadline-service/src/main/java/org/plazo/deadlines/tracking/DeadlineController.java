package org.plazo.deadlines.tracking;

import org.plazo.deadlines.calendar.NotFound;
import org.plazo.deadlines.security.CaseAccess;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases")
class DeadlineController {

	static final String UNKNOWN = "No deadlines are known for this case";

	private final DeadlineTracking tracking;

	private final CaseAccess access;

	DeadlineController(DeadlineTracking tracking, CaseAccess access) {
		this.tracking = tracking;
		this.access = access;
	}

	/** A case the caller may not see is answered exactly like an unknown one. */
	@GetMapping("/{caseId}/deadlines")
	CaseDeadlinesView deadlines(@PathVariable String caseId) {
		return this.access.readable(caseId).flatMap(this.tracking::find).orElseThrow(() -> new NotFound(UNKNOWN));
	}

}
