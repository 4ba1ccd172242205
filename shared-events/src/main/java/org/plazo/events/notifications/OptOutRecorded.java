package org.plazo.events.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * The person of a case asked to receive no more messages (for example by answering
 * {@code STOP} or {@code BAJA} by SMS). Carries no phone number.
 *
 * @param caseId the case
 * @param channel the channel the request came in on, {@code SMS}
 * @param keyword the keyword the person sent, normalised (e.g. {@code BAJA})
 * @param recordedAt when it was recorded
 */
public record OptOutRecorded(String caseId, String channel, String keyword,
		Instant recordedAt) implements NotificationEvent {

	public OptOutRecorded {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(recordedAt, "recordedAt");
	}

}
