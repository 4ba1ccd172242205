package org.plazo.events.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * A message could not be delivered.
 *
 * @param caseId the case
 * @param notificationId the delivery record
 * @param reminderId the reminder that caused it
 * @param channel {@code SMS} or {@code EMAIL}
 * @param reason a reason code, never personal data (e.g. {@code NO_CONSENT},
 * {@code PROVIDER_ERROR})
 * @param permanent whether retrying could help
 * @param failedAt when it failed
 */
public record NotificationFailed(String caseId, String notificationId, String reminderId, String channel, String reason,
		boolean permanent, Instant failedAt) implements NotificationEvent {

	public NotificationFailed {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(notificationId, "notificationId");
		Objects.requireNonNull(reminderId, "reminderId");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(failedAt, "failedAt");
	}

}
