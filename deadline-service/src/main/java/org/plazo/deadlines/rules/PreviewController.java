package org.plazo.deadlines.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.plazo.deadlines.calendar.CalendarManagement;
import org.plazo.deadlines.calendar.InvalidInput;
import org.plazo.deadlines.calendar.InvalidInput.FieldProblem;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What-if for caseworkers: the deadlines a set of facts would give, on the current
 * calendar, without storing anything.
 */
@RestController
class PreviewController {

	private final DeadlineEngine engine;

	private final CalendarManagement calendars;

	private final BulkExtensionManagement extensions;

	private final Clock clock;

	PreviewController(DeadlineEngine engine, CalendarManagement calendars, BulkExtensionManagement extensions,
			Clock clock) {
		this.engine = engine;
		this.calendars = calendars;
		this.extensions = extensions;
		this.clock = clock;
	}

	/**
	 * @param asOf the moment to judge the statuses at (default now), e.g. to see what
	 * would be missed by then
	 */
	@PostMapping("/api/v1/deadlines/preview")
	Preview preview(@Valid @RequestBody PreviewRequest request, @RequestParam(required = false) Instant asOf) {
		CaseFacts facts = toFacts(request);
		Instant now = (asOf != null) ? asOf : this.clock.instant();
		List<ComputedDeadline> deadlines = this.engine.compute(facts, this.calendars.current(),
				this.extensions.current(), now);
		return new Preview(facts.caseId(), now, deadlines);
	}

	private static CaseFacts toFacts(PreviewRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		checkYears("arrivalDate", request.arrivalDate(), problems);
		checkYears("applicationFiledOn", request.applicationFiledOn(), problems);
		checkDocument("certificate", request.certificate(), problems);
		checkDocument("refugeeCard", request.refugeeCard(), problems);
		checkDocument("travelDocument", request.travelDocument(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return request.toFacts();
	}

	private static void checkDocument(String field, PreviewRequest.DocumentDates document,
			List<FieldProblem> problems) {
		if (document != null && document.issuedOn() == null && document.expiresOn() == null) {
			problems.add(new FieldProblem(field, "needs issuedOn or expiresOn"));
		}
		if (document != null && document.issuedOn() != null && document.expiresOn() != null
				&& document.expiresOn().isBefore(document.issuedOn())) {
			problems.add(new FieldProblem(field + ".expiresOn", "is before issuedOn"));
		}
	}

	/** Dates the calendar supports; anything else is a typing mistake. */
	private static void checkYears(String field, LocalDate date, List<FieldProblem> problems) {
		if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
			problems.add(new FieldProblem(field, "must be in the years 2000 to 2100"));
		}
	}

	record Preview(String caseId, Instant asOf, List<ComputedDeadline> deadlines) {

	}

}
