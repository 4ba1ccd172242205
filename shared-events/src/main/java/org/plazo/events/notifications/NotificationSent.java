package org.plazo.events.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider accepted a message for delivery.
 *
 * @param caseId the case
 * @param notificationId the delivery record
 * @param reminderId the reminder that caused it
 * @param channel {@code SMS} or {@code EMAIL}
 * @param provider the provider that accepted it
 * @param segments SMS segments billed (0 for email)
 * @param sentAt when the provider accepted it
 */
public record NotificationSent(String caseId, String notificationId, String reminderId, String channel, String provider,
		int segments, Instant sentAt) implements NotificationEvent {

	public NotificationSent {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(notificationId, "notificationId");
		Objects.requireNonNull(reminderId, "reminderId");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(sentAt, "sentAt");
	}

}
