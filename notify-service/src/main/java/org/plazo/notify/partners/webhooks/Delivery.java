package org.plazo.notify.partners.webhooks;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event on its way to one endpoint, with the log of every attempt. Deliveries of one
 * case to one endpoint wait in a lane and go one at a time, in order: only the head of
 * the lane is {@code PENDING}, the rest {@code WAITING}.
 *
 * @param id the delivery's id, also the {@code webhook-id}: the same on every retry
 * @param endpointId the endpoint
 * @param ngoId its organisation
 * @param caseId the case (internal; the organisation sees its reference)
 * @param eventId the event, as kept for partners
 * @param type the event's type
 * @param status where it stands
 * @param attempts how many attempts were made
 * @param nextAttemptAt when the next attempt is due, while {@code PENDING}
 * @param leaseUntil while an instance is attempting it: until when it is reserved
 * @param log the attempts made
 * @param outcome how it ended, e.g. {@code DELIVERED}, {@code GAVE_UP}, {@code GONE},
 * {@code CONSENT_REVOKED}
 * @param replay whether an organisation asked for it again
 * @param createdAt when it was created
 * @param finishedAt when it ended
 */
@Document(Delivery.COLLECTION)
record Delivery(@Id String id, String endpointId, String ngoId, String caseId, String eventId, String type,
		Status status, int attempts, Instant nextAttemptAt, Instant leaseUntil, List<Attempt> log, String outcome,
		boolean replay, Instant createdAt, Instant finishedAt) {

	static final String COLLECTION = "partner_deliveries";

	Delivery {
		log = (log != null) ? List.copyOf(log) : List.of();
	}

	String lane() {
		return lane(this.endpointId, this.caseId);
	}

	static String lane(String endpointId, String caseId) {
		return endpointId + "|" + caseId;
	}

	enum Status {

		/** Behind an earlier delivery of the same case to the same endpoint. */
		WAITING,

		/** Due at {@code nextAttemptAt}. */
		PENDING,

		SUCCEEDED,

		/** Given up: retries exhausted, or the endpoint is gone. */
		FAILED,

		/** Not sent: the endpoint was disabled or removed, or the consent ended. */
		CANCELLED;

		boolean finished() {
			return this == SUCCEEDED || this == FAILED || this == CANCELLED;
		}

	}

	/**
	 * One attempt.
	 *
	 * @param number 1 for the first
	 * @param at when it started
	 * @param statusCode the HTTP status the endpoint answered, or {@code null}
	 * @param latencyMillis how long it took
	 * @param outcome e.g. {@code HTTP_200}, {@code TIMEOUT}, {@code ADDRESS_REFUSED},
	 * {@code CONNECTION_FAILED}
	 */
	record Attempt(int number, Instant at, Integer statusCode, long latencyMillis, String outcome) {

	}

}
