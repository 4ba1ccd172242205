package org.plazo.deadlines.tracking;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/cases")
class DeadlineController {

	private final DeadlineTracking tracking;

	DeadlineController(DeadlineTracking tracking) {
		this.tracking = tracking;
	}

	@GetMapping("/{caseId}/deadlines")
	CaseDeadlinesView deadlines(@PathVariable String caseId) {
		return this.tracking.find(caseId)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No deadlines are known for this case"));
	}

}
