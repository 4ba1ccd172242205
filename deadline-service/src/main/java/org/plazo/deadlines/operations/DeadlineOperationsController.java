package org.plazo.deadlines.operations;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.plazo.deadlines.calendar.InvalidInput;
import org.plazo.deadlines.calendar.NotFound;
import org.plazo.deadlines.operations.DeadlineOperations.CaseReminder;
import org.plazo.deadlines.operations.DeadlineOperations.DayCount;
import org.plazo.deadlines.operations.DeadlineOperations.MissedDeadline;
import org.plazo.deadlines.operations.DeadlineOperations.UpcomingDeadline;
import org.plazo.deadlines.operations.DeadlineOperations.CaseDataExport;
import org.plazo.deadlines.rules.DeadlineKind;
import org.plazo.deadlines.security.CaseAccess;
import org.plazo.deadlines.tracking.DeadlineTracking;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the operator console reads from deadline-service. Case ids and codes only: this
 * service holds no names, phone numbers or emails, and none may appear here.
 */
@RestController
@RequestMapping("/api/v1/operations")
class DeadlineOperationsController {

	static final Duration LONGEST_LOOKAHEAD = Duration.ofDays(366);

	static final int MOST_DAYS = 366;

	static final String UNKNOWN_CASE = "Nothing is known about this case";

	private final DeadlineOperations operations;

	private final DeadlineTracking tracking;

	private final CaseAccess access;

	DeadlineOperationsController(DeadlineOperations operations, DeadlineTracking tracking, CaseAccess access) {
		this.operations = operations;
		this.tracking = tracking;
		this.access = access;
	}

	/** Open deadlines closing from now to now + {@code within}, the soonest first. */
	@GetMapping("/deadlines/upcoming")
	List<UpcomingDeadline> upcoming(@RequestParam(defaultValue = "P7D") String within) {
		return this.operations.upcoming(lookahead(within));
	}

	/** Deadlines of a kind whose term closed with nothing filed. */
	@GetMapping("/deadlines/missed")
	List<MissedDeadline> missed(@RequestParam(defaultValue = "FILING_WINDOW") String kind) {
		return this.operations.missed(kind(kind));
	}

	/** One case's reminders, the earliest first, for its timeline. */
	@GetMapping("/cases/{caseId}/reminders")
	List<CaseReminder> reminders(@PathVariable String caseId) {
		return this.access.readable(caseId(caseId)).map(this.operations::reminders).orElse(List.of());
	}

	/**
	 * Everything deadline-service holds about one case (the person's right of access):
	 * facts, deadlines with their working, every reminder with its status. 404 when the
	 * case is unknown or erased. Operators only.
	 */
	@GetMapping("/cases/{caseId}/export")
	CaseDataExport export(@PathVariable String caseId) {
		return this.access.exportable(caseId(caseId))
			.flatMap(this.tracking::export)
			.map(this.operations::export)
			.orElseThrow(() -> new NotFound(UNKNOWN_CASE));
	}

	private static String caseId(String caseId) {
		if (caseId.isBlank() || caseId.length() > 200) {
			throw new InvalidInput("caseId", "must be a case id of 1 to 200 characters");
		}
		return caseId;
	}

	/** Reminders to people per Panama day from today, zeros included. */
	@GetMapping("/reminders/due-per-day")
	List<DayCount> duePerDay(@RequestParam(defaultValue = "60") int days) {
		if (days < 1 || days > MOST_DAYS) {
			throw new InvalidInput("days", "must be from 1 to " + MOST_DAYS);
		}
		return this.operations.duePerDay(days);
	}

	private static Duration lookahead(String within) {
		Duration duration;
		try {
			duration = Duration.parse(within);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("within", "must be an ISO-8601 duration such as P7D or PT12H");
		}
		if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST_LOOKAHEAD) > 0) {
			throw new InvalidInput("within", "must be more than zero and at most P366D");
		}
		return duration;
	}

	private static DeadlineKind kind(String kind) {
		try {
			return DeadlineKind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("kind", "must be one of " + Arrays.toString(DeadlineKind.values()));
		}
	}

}
