package org.plazo.notify.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * Read-only views of the documents other features store, with only the fields the
 * operations API needs (never a phone number or email in a response). Read by collection
 * name, so the owning features keep their types to themselves.
 */
final class Stored {

	static final String NOTIFICATIONS = "notifications";

	static final String RECIPIENTS = "recipients";

	static final String PHONE_CONTACTS = "phone_contacts";

	static final String CASE_DEADLINES = "case_deadlines";

	static final String DELIVERIES = "partner_deliveries";

	static final String ENDPOINTS = "partner_endpoints";

	private Stored() {
	}

	record Notification(@Id String id, String caseId, String reminderId, String deadlineId, String kind,
			LocalDate lastDay, Instant dueAt, Instant scheduledFor, String channel, String status, Instant notBefore,
			String deferredFor, Integer attempts, String provider, Integer segments, String failureReason,
			String providerCode, String escalation, Instant createdAt, Instant updatedAt) {

	}

	/** Only to join a phone's opt-out to its cases; the phone never leaves this class. */
	record Recipient(@Id String caseId, List<String> phoneIndex) {

		@Override
		public String toString() {
			return "Recipient[caseId=" + this.caseId + "]";
		}

	}

	record PhoneContact(@Id String id, List<String> phoneIndex, boolean optedOut, Instant optedOutAt) {

		@Override
		public String toString() {
			return "PhoneContact[optedOut=" + this.optedOut + "]";
		}

	}

	record CaseDeadlines(@Id String caseId, List<Deadline> deadlines) {

		CaseDeadlines {
			deadlines = (deadlines != null) ? deadlines : List.of();
		}

	}

	record Deadline(String deadlineId, String kind, LocalDate lastDay, Instant dueAt, String status) {

	}

	record Delivery(@Id String id, String endpointId, String ngoId, String caseId, String eventId, String type,
			String status, Integer attempts, Instant nextAttemptAt, List<Attempt> log, String outcome,
			Instant createdAt, Instant finishedAt) {

		Delivery {
			log = (log != null) ? log : List.of();
		}

	}

	record Attempt(int number, Instant at, Integer statusCode, long latencyMillis, String outcome) {

		boolean succeeded() {
			return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
		}

	}

	record Endpoint(@Id String id, String ngoId, String url, boolean enabled, String disabledReason, Instant disabledAt,
			Instant failingSince) {

	}

}
