package org.plazo.notify.partners.events;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event fanned out to partners, kept minimised for replays until the retention period
 * ends. No names, phone numbers or email addresses: only the allowed fields.
 *
 * @param id the CloudEvents id, as received
 * @param type the CloudEvents type
 * @param source the CloudEvents source
 * @param caseId the case
 * @param noticeFor for a link made or ended, the organisation it concerns: only that one
 * is told
 * @param time when it happened
 * @param data the allowed fields of its data, as JSON
 * @param receivedAt when notify-service received it
 * @param fannedOut whether every delivery and feed record was created (a redelivered
 * event that was is skipped)
 */
@Document(StoredEvent.COLLECTION)
public record StoredEvent(@Id String id, String type, String source, String caseId, String noticeFor, Instant time,
		String data, Instant receivedAt, boolean fannedOut) {

	public static final String COLLECTION = "partner_events";

}
