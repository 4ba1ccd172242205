package org.plazo.cases.console;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.plazo.cases.cases.CaseRecords;
import org.plazo.cases.cases.CaseRecords.CaseRecord;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's home: the people at risk of missing a deadline.
 */
@Controller
class AtRiskController {

	static final String WITHIN = "P7D";

	/**
	 * A critical SMS without a delivery receipt this long after it was sent is at risk.
	 */
	static final String UNACKNOWLEDGED = "PT24H";

	/** Names are looked up by id for at most this many rows per list. */
	static final int NAMED = 100;

	private final Operations operations;

	private final CaseRecords cases;

	private final Clock clock;

	AtRiskController(Operations operations, CaseRecords cases, Clock clock) {
		this.operations = operations;
		this.cases = cases;
		this.clock = clock;
	}

	@GetMapping({ "/console", "/console/" })
	String atRisk(Model model) {
		Names names = new Names(this.cases);
		Fetched<List<UpcomingRow>> upcoming = this.operations.upcoming(WITHIN)
			.map((rows) -> rows.stream()
				.sorted(Comparator.comparingLong(Operations.Upcoming::timeLeftSeconds))
				.map((row) -> new UpcomingRow(row.caseId(), names.of(row.caseId()), row.kind(), row.dueDate(),
						Formats.instant(row.dueAt()), Formats.timeLeft(row.timeLeftSeconds()), row.critical(),
						row.timeLeftSeconds() < Duration.ofDays(2).toSeconds()))
				.toList());
		Fetched<List<Operations.Notification>> failed = this.operations.notifications("FAILED");
		Fetched<List<Operations.Notification>> unacknowledged = this.operations.unacknowledged(UNACKNOWLEDGED);
		Fetched<List<NotificationRow>> failedCritical = (failed.available() && unacknowledged.available())
				? Fetched.of(Stream.concat(failed.value().stream(), unacknowledged.value().stream())
					.filter(Operations.Notification::critical)
					.map((row) -> NotificationRow.of(row, names.of(row.caseId())))
					.toList())
				: Fetched.unavailable();
		Fetched<List<Operations.OptedOut>> optedOut = this.operations.optedOutAtRisk();
		Fetched<List<MissedRow>> missedFiling = this.operations.missed("FILING_WINDOW")
			.map((rows) -> rows.stream()
				.map((row) -> new MissedRow(row.caseId(), names.of(row.caseId()), row.kind(), row.dueDate()))
				.toList());
		model.addAttribute("upcoming", upcoming);
		model.addAttribute("failedCritical", failedCritical);
		model.addAttribute("optedOut", optedOut);
		model.addAttribute("missedFiling", missedFiling);
		model.addAttribute("now", Formats.instant(this.clock.instant()));
		return "console/at-risk";
	}

	/** Opens a case's timeline from the search box. */
	@GetMapping("/console/cases")
	String find(@RequestParam(defaultValue = "") String caseId) {
		String id = caseId.strip();
		if (!TimelineController.isCaseId(id)) {
			return "redirect:/console?badCaseId";
		}
		return "redirect:/console/cases/" + id;
	}

	/** Looks up the applicants' names, once per case. */
	static final class Names {

		private final CaseRecords cases;

		private final Map<String, String> known = new HashMap<>();

		Names(CaseRecords cases) {
			this.cases = cases;
		}

		String of(String caseId) {
			if (this.known.containsKey(caseId)) {
				return this.known.get(caseId);
			}
			if (this.known.size() >= NAMED) {
				return null;
			}
			String name = this.cases.find(caseId).map(CaseRecord::name).orElse(null);
			this.known.put(caseId, name);
			return Optional.ofNullable(name).orElse(null);
		}

	}

	record UpcomingRow(String caseId, String name, String kind, java.time.LocalDate dueDate, String dueAt,
			String timeLeft, boolean critical, boolean urgent) {

	}

	record MissedRow(String caseId, String name, String kind, java.time.LocalDate dueDate) {

	}

	/** A notification as a table row. */
	record NotificationRow(String notificationId, String caseId, String name, String deadlineKind, String channel,
			String provider, String status, int attempts, String failureReason, boolean critical, String updatedAt) {

		static NotificationRow of(Operations.Notification n, String name) {
			return new NotificationRow(n.notificationId(), n.caseId(), name, n.deadlineKind(), n.channel(),
					Objects.toString(n.provider(), "—"), n.status(), n.attempts(),
					Objects.toString(n.failureReason(), "—"), n.critical(), Formats.instant(n.updatedAt()));
		}

	}

}
