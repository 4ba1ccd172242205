package org.plazo.notify.notifications;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.events.notifications.NotificationSent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NotificationTests {

	private static final Instant NOW = Instant.parse("2026-08-04T12:00:00Z");

	private final ReminderDue reminder = new ReminderDue("case-1", "case-1:FILING_WINDOW:P-30D", "case-1:FILING_WINDOW",
			"FILING_WINDOW", LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"),
			"Decreto Ejecutivo 5 de 2018, art. 30", NOW);

	@Test
	void idIsTheReminderAndTheChannel() {
		Notification claim = Notification.claim(this.reminder, ContactChannel.SMS, NOW, NOW.plusSeconds(300));

		assertThat(claim.id()).isEqualTo("case-1:FILING_WINDOW:P-30D:SMS");
		assertThat(claim.status()).isEqualTo(Notification.Status.SENDING);
		assertThat(claim.outbox()).isEmpty();
	}

	@Test
	void sendingRecordsNotificationSent() {
		Notification notification = Notification.claim(this.reminder, ContactChannel.SMS, NOW, NOW.plusSeconds(300))
			.sent("dev-outbox", 2, NOW);

		assertThat(notification.status()).isEqualTo(Notification.Status.SENT);
		assertThat(notification.leaseUntil()).isNull();
		assertThat(notification.outbox()).singleElement().satisfies((pending) -> {
			assertThat(pending.eventId()).isEqualTo("case-1:FILING_WINDOW:P-30D:SMS:sent");
			assertThat(pending.event()).isEqualTo(new NotificationSent("case-1", "case-1:FILING_WINDOW:P-30D:SMS",
					"case-1:FILING_WINDOW:P-30D", "SMS", "dev-outbox", 2, NOW));
		});
	}

	@Test
	void failingRecordsNotificationFailedWithItsReason() {
		Notification notification = Notification.claim(this.reminder, ContactChannel.EMAIL, NOW, NOW.plusSeconds(300))
			.failed(FailureReason.NO_CONSENT, NOW);

		assertThat(notification.outbox()).singleElement()
			.satisfies((pending) -> assertThat(pending.event())
				.isEqualTo(new NotificationFailed("case-1", "case-1:FILING_WINDOW:P-30D:EMAIL",
						"case-1:FILING_WINDOW:P-30D", "EMAIL", "NO_CONSENT", true, NOW)));
	}

	@Test
	void aFinishedNotificationCannotFinishAgain() {
		Notification sent = Notification.claim(this.reminder, ContactChannel.SMS, NOW, NOW.plusSeconds(300))
			.sent("dev-outbox", 1, NOW);

		assertThatIllegalStateException().isThrownBy(() -> sent.failed(FailureReason.PROVIDER_ERROR, NOW));
	}

}
