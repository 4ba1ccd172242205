package org.plazo.notify.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.plazo.notify.privacy.CaseData;

import org.springframework.stereotype.Component;

/**
 * The notifications part of a case's export and erasure. Notifications hold no phone,
 * address or message body (the text is rendered when sent); erasure leaves what counts
 * need.
 */
@Component
class NotificationData implements CaseData {

	private final Notifications notifications;

	private final Clock clock;

	NotificationData(Notifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	@Override
	public String section() {
		return "notifications";
	}

	@Override
	public Optional<Object> export(String caseId) {
		List<Exported> found = this.notifications.ofCase(caseId)
			.stream()
			.map((n) -> new Exported(n.id(), n.kind(), n.lastDay(), n.channel().name(), n.status().name(),
					(n.failureReason() != null) ? n.failureReason().name() : null, n.provider(), n.createdAt(),
					n.updatedAt()))
			.toList();
		return found.isEmpty() ? Optional.empty() : Optional.of(found);
	}

	@Override
	public void erase(String caseId) {
		this.notifications.erase(caseId, this.clock.instant());
	}

	record Exported(String notificationId, String deadlineKind, java.time.LocalDate lastDay, String channel,
			String status, String failureReason, String provider, Instant createdAt, Instant updatedAt) {

	}

}
