package org.plazo.cases.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.plazo.cases.cases.CaseRecords;
import org.plazo.cases.cases.CaseRecords.CaseRecord;
import org.plazo.cases.cases.CaseRecords.RecordedFact;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * One case on a time axis: its facts, its deadlines with their working, its reminders and
 * every delivery attempt. Contact details are masked for viewers.
 */
@Controller
class TimelineController {

	private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

	/** Fields of recorded facts that are personal data: never shown on the axis. */
	private static final Set<String> PERSONAL = Set.of("caseId", "phone", "email", "name");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Operations operations;

	private final CaseRecords cases;

	private final Clock clock;

	TimelineController(Operations operations, CaseRecords cases, Clock clock) {
		this.operations = operations;
		this.cases = cases;
		this.clock = clock;
	}

	static boolean isCaseId(String caseId) {
		return caseId != null && CASE_ID.matcher(caseId).matches();
	}

	@GetMapping("/console/cases/{caseId}")
	String timeline(@PathVariable String caseId, HttpServletRequest request, Model model) {
		if (!isCaseId(caseId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		boolean operator = request.isUserInRole(ConsoleSecurity.OPERATOR);
		Optional<CaseRecord> found = this.cases.find(caseId);
		Fetched<List<Operations.Deadline>> deadlines = this.operations.deadlines(caseId);
		Fetched<List<Operations.CaseReminder>> reminders = this.operations.reminders(caseId);
		Fetched<Operations.CaseDeliveries> deliveries = this.operations.caseDeliveries(caseId);
		Operations.CaseDeliveries delivered = deliveries
			.orElse(new Operations.CaseDeliveries(caseId, null, null, null));
		if (found.isEmpty() && deadlines.orElse(List.of()).isEmpty() && delivered.notifications().isEmpty()) {
			model.addAttribute("caseId", caseId);
			return "console/no-case";
		}
		List<Entry> entries = new ArrayList<>();
		found.ifPresent((record) -> addFacts(record, entries));
		for (Operations.Deadline deadline : deadlines.orElse(List.of())) {
			entries.add(new Entry(deadline.dueAt(), "deadline", deadline.kind(),
					deadline.status() + " · " + deadline.lastDay(), deadline.legalBasis(),
					(deadline.explanation() != null) ? deadline.explanation() : List.of(), null, deadline.alert()));
		}
		for (Operations.CaseReminder reminder : reminders.orElse(List.of())) {
			entries.add(new Entry(reminder.fireAt(), "reminder", reminder.kind(),
					reminder.purpose() + " · " + reminder.status(), null, List.of(), null, false));
		}
		for (Operations.Retry retry : delivered.retries()) {
			entries.add(new Entry(retry.at(), "retry", retry.action(), retry.actor(), retry.target(), List.of(), null,
					false));
		}
		for (Operations.WebhookDelivery webhook : delivered.webhookDeliveries()) {
			List<String> attempts = (webhook.log() != null) ? webhook.log()
				.stream()
				.map((attempt) -> "#" + attempt.number() + " " + Formats.instant(attempt.at()) + " · "
						+ Optional.ofNullable(attempt.statusCode()).map(String::valueOf).orElse("—") + " · "
						+ attempt.latencyMillis() + " ms · " + attempt.outcome())
				.toList() : List.of();
			entries.add(new Entry(webhook.createdAt(), "webhook", webhook.ngoId(),
					webhook.eventType() + " · " + webhook.status(), "attempts " + webhook.attempts(), attempts, null,
					"FAILED".equals(webhook.status())));
		}
		for (Operations.Notification notification : delivered.notifications()) {
			String detail = notification.channel() + " · " + Optional.ofNullable(notification.provider()).orElse("—")
					+ " · " + notification.status();
			String more = "attempts " + notification.attempts()
					+ ((notification.failureReason() != null) ? " · " + notification.failureReason() : "");
			String retry = ("FAILED".equals(notification.status()) && operator) ? notification.notificationId() : null;
			entries.add(new Entry(notification.updatedAt(), "delivery", notification.deadlineKind(), detail, more,
					List.of(), retry, notification.critical() && "FAILED".equals(notification.status())));
		}
		entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
		Instant now = this.clock.instant();
		model.addAttribute("caseId", caseId);
		model.addAttribute("person", found.map((record) -> Person.of(record, operator)).orElse(null));
		model.addAttribute("entries", entries.stream().map((entry) -> entry.view(now)).toList());
		model.addAttribute("deadlinesAvailable", deadlines.available() && reminders.available());
		model.addAttribute("notificationsAvailable", deliveries.available());
		model.addAttribute("now", Formats.instant(now));
		return "console/timeline";
	}

	private static void addFacts(CaseRecord record, List<Entry> entries) {
		for (RecordedFact fact : record.facts()) {
			entries.add(new Entry(fact.recordedAt(), "fact", Formats.eventName(fact.type()), summary(fact.data()), null,
					List.of(), null, false));
		}
	}

	/** The fact's fields, personal ones left out. */
	private static String summary(String data) {
		Map<String, String> fields = new TreeMap<>();
		try {
			JsonNode node = json.readTree(data);
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (!PERSONAL.contains(field.getKey()) && !field.getValue().isNull()
						&& field.getValue().isValueNode()) {
					fields.put(field.getKey(), field.getValue().asString());
				}
			}
		}
		catch (RuntimeException ex) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		fields.forEach(
				(name, value) -> text.append((text.length() > 0) ? " · " : "").append(name).append(' ').append(value));
		return text.toString();
	}

	/** One thing on the axis. */
	record Entry(Instant at, String type, String title, String detail, String more, List<String> explanation,
			String retryId, boolean alarm) {

		EntryView view(Instant now) {
			return new EntryView(Formats.instant(this.at), this.type, this.title, this.detail, this.more,
					this.explanation, this.retryId, this.alarm, this.at != null && this.at.isAfter(now));
		}

	}

	record EntryView(String at, String type, String title, String detail, String more, List<String> explanation,
			String retryId, boolean alarm, boolean future) {

	}

	/** The person, with contact details masked for whoever may not see them. */
	record Person(String name, String language, String channel, String phone, String email, String arrivalDate,
			int householdSize, String openedAt) {

		static Person of(CaseRecord record, boolean operator) {
			return new Person(record.name(), record.preferredLanguage(), record.preferredChannel(),
					operator ? record.phone() : Masking.phone(record.phone()),
					operator ? record.email() : Masking.email(record.email()), String.valueOf(record.arrivalDate()),
					record.householdSize(), Formats.instant(record.openedAt()));
		}

	}

}
