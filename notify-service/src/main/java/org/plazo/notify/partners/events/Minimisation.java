package org.plazo.notify.partners.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What of each event type a partner may see: an allow-list, so that a field added to an
 * event later reaches partners only once it is added here, after review. No type carries
 * names; phone numbers and email addresses never pass (consented contact details are
 * added separately, from the recipient directory). Internal ids that contain the case id
 * (deadline, reminder, notification) become per-organisation references.
 */
public final class Minimisation {

	/** Internal id fields, and the kind of reference each becomes. */
	static final Map<String, String> REFERENCES = Map.of("deadlineId", "deadline", "reminderId", "reminder",
			"notificationId", "notification");

	static final Map<String, List<String>> SHARED = Map.ofEntries(
			Map.entry("org.plazo.case.opened.v1",
					List.of("arrivalDate", "preferredLanguage", "preferredChannel", "householdSize", "openedAt")),
			Map.entry("org.plazo.case.application-filed.v1", List.of("filedOn")),
			Map.entry("org.plazo.case.certificate-issued.v1", List.of("issuedOn", "validUntil")),
			Map.entry("org.plazo.case.interview-scheduled.v1", List.of("interviewId", "kind", "date", "time")),
			Map.entry("org.plazo.case.provisional-card-issued.v1", List.of("memberRef", "issuedOn", "expiresOn")),
			Map.entry("org.plazo.case.refugee-status-granted.v1", List.of("notifiedOn")),
			Map.entry("org.plazo.case.refugee-card-issued.v1", List.of("issuedOn", "expiresOn")),
			Map.entry("org.plazo.case.resolution-notified.v1", List.of("resolutionId", "outcome", "notifiedOn")),
			Map.entry("org.plazo.case.reconsideration-filed.v1", List.of("filedOn")),
			Map.entry("org.plazo.case.reconsideration-decided.v1", List.of("outcome", "notifiedOn")),
			Map.entry("org.plazo.case.appeal-filed.v1", List.of("filedOn")),
			Map.entry("org.plazo.case.appeal-decided.v1", List.of("outcome", "notifiedOn")),
			Map.entry("org.plazo.case.arrival-date-corrected.v1", List.of("arrivalDate")),
			Map.entry("org.plazo.case.closed.v1", List.of("reason", "closedOn")),
			Map.entry("org.plazo.case.assigned.v1", List.of("assignmentId", "sharedData", "assignedAt")),
			Map.entry("org.plazo.case.assignment-revoked.v1", List.of("assignmentId", "revokedAt")),
			Map.entry("org.plazo.deadline.scheduled.v1",
					List.of("deadlineId", "kind", "lastDay", "dueAt", "ruleId", "rulesVersion", "legalBasis")),
			Map.entry("org.plazo.deadline.rescheduled.v1",
					List.of("deadlineId", "kind", "previousLastDay", "lastDay", "previousDueAt", "dueAt", "reason",
							"legalBasis")),
			Map.entry("org.plazo.deadline.cancelled.v1", List.of("deadlineId", "kind", "reason")),
			Map.entry("org.plazo.deadline.met.v1", List.of("deadlineId", "kind")),
			Map.entry("org.plazo.deadline.missed.v1", List.of("deadlineId", "kind", "lastDay", "dueAt", "legalBasis")),
			Map.entry("org.plazo.deadline.silence-alert.v1",
					List.of("deadlineId", "filedOn", "silenceFrom", "legalBasis")),
			Map.entry("org.plazo.reminder.due.v1",
					List.of("reminderId", "deadlineId", "kind", "lastDay", "dueAt", "legalBasis", "scheduledFor")),
			Map.entry("org.plazo.notification.sent.v1",
					List.of("notificationId", "reminderId", "channel", "provider", "segments", "sentAt")),
			Map.entry("org.plazo.notification.failed.v1",
					List.of("notificationId", "reminderId", "channel", "reason", "permanent", "failedAt")),
			Map.entry("org.plazo.notification.delivered.v1",
					List.of("notificationId", "reminderId", "channel", "provider", "deliveredAt")),
			Map.entry("org.plazo.notification.opt-out-recorded.v1", List.of("channel", "recordedAt")),
			Map.entry("org.plazo.notification.self-registration-confirmed.v1",
					List.of("arrivalDate", "preferredLanguage", "confirmedAt")));

	/**
	 * Types reviewed and withheld from partners: a caseworker's identity is internal; a
	 * contact-details change says nothing a partner can use (consented details go with
	 * the next event); an erased person's case disappears from the partners' view with no
	 * event.
	 */
	static final Set<String> WITHHELD = Set.of("org.plazo.case.caseworker-assigned.v1",
			"org.plazo.case.contact-details-changed.v1", "org.plazo.case.person-erased.v1");

	/** Fields that are personal data wherever they appear: never kept, never sent. */
	static final Set<String> NEVER = Set.of("name", "phone", "email", "applicantName");

	private Minimisation() {
	}

	/** Whether partners receive events of this type at all. */
	public static boolean relayed(String type) {
		return SHARED.containsKey(type);
	}

	/** Whether someone decided what partners receive of this type (maybe nothing). */
	static boolean reviewed(String type) {
		return SHARED.containsKey(type) || WITHHELD.contains(type);
	}

	/**
	 * The allowed fields of an event's data, internal ids included (they become
	 * references when rendered for one organisation).
	 * @return empty for a type partners do not receive
	 */
	public static Optional<ObjectNode> keep(String type, JsonNode data) {
		List<String> fields = SHARED.get(type);
		if (fields == null) {
			return Optional.empty();
		}
		ObjectNode kept = JsonNodeFactory.instance.objectNode();
		for (String field : fields) {
			JsonNode value = data.get(field);
			if (value != null && !value.isNull() && !NEVER.contains(field)) {
				kept.set(field, value);
			}
		}
		return Optional.of(kept);
	}

}
