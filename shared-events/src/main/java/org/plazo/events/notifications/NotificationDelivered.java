package org.plazo.events.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * The person's operator confirmed that a message reached their phone (an SMS delivery
 * receipt or a provider's status callback).
 *
 * @param caseId the case
 * @param notificationId the delivery record
 * @param reminderId the reminder that caused it
 * @param channel {@code SMS} or {@code EMAIL}
 * @param provider the provider that reported it
 * @param deliveredAt when the provider reported it
 */
public record NotificationDelivered(String caseId, String notificationId, String reminderId, String channel,
		String provider, Instant deliveredAt) implements NotificationEvent {

	public NotificationDelivered {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(notificationId, "notificationId");
		Objects.requireNonNull(reminderId, "reminderId");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(deliveredAt, "deliveredAt");
	}

}
