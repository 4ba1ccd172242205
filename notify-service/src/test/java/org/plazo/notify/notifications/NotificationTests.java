package org.plazo.notify.notifications;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.notifications.NotificationDelivered;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.events.notifications.NotificationSent;
import org.plazo.notify.outbox.PendingEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NotificationTests {

	/** 07:00 in Panama. */
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
			.sent("dev-outbox", 2, java.util.List.of(), NOW);

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
	void deferringKeepsTheReminderForLater() {
		Notification deferred = Notification.claim(this.reminder, ContactChannel.SMS, NOW, NOW.plusSeconds(300))
			.defer(NOW.plusSeconds(60), "RETRY", "HTTP_503", NOW);

		assertThat(deferred.status()).isEqualTo(Notification.Status.DEFERRED);
		assertThat(deferred.leaseUntil()).isNull();
		assertThat(deferred.reminder()).isEqualTo(this.reminder);
		assertThat(deferred.outbox()).isEmpty();
	}

	@Test
	void deliveryReportRecordsNotificationDeliveredOnlyForASentNotification() {
		Notification sent = Notification.claim(this.reminder, ContactChannel.SMS, NOW, NOW.plusSeconds(300))
			.sent("twilio", 2, java.util.List.of("SM1"), NOW);

		assertThat(sent.delivered(NOW.plusSeconds(5))).isTrue();
		assertThat(sent.delivered(NOW.plusSeconds(6))).isFalse();
		assertThat(sent.undelivered("30003", NOW.plusSeconds(7))).isFalse();
		assertThat(sent.outbox()).extracting(PendingEvent::eventId)
			.containsExactly("case-1:FILING_WINDOW:P-30D:SMS:sent", "case-1:FILING_WINDOW:P-30D:SMS:delivered");
		assertThat(sent.outbox().get(1).event()).isEqualTo(new NotificationDelivered("case-1",
				"case-1:FILING_WINDOW:P-30D:SMS", "case-1:FILING_WINDOW:P-30D", "SMS", "twilio", NOW.plusSeconds(5)));
	}

	@Test
	void onlyFiveDayTermsAndLastDayRemindersAreCritical() {
		assertThat(claim("RECONSIDERATION", LocalDate.of(2026, 9, 3)).critical()).isTrue();
		assertThat(claim("APPEAL", LocalDate.of(2026, 9, 3)).critical()).isTrue();
		assertThat(claim("FILING_WINDOW", LocalDate.of(2026, 9, 3)).critical()).isFalse();
		// Scheduled for 07:00 in Panama on the last day.
		assertThat(claim("FILING_WINDOW", LocalDate.of(2026, 8, 4)).critical()).isTrue();
	}

	@Test
	void failureOfACriticalReminderIsToBeEscalated() {
		Notification failed = claim("RECONSIDERATION", LocalDate.of(2026, 9, 3)).failed(FailureReason.OPTED_OUT, NOW);

		assertThat(failed.escalation()).isEqualTo(Notification.Escalation.PENDING);
	}

	private static Notification claim(String kind, LocalDate lastDay) {
		ReminderDue reminder = new ReminderDue("case-1", "case-1:" + kind + ":P-1D", "case-1:" + kind, kind, lastDay,
				lastDay.atTime(16, 0).atZone(java.time.ZoneId.of("America/Panama")).toInstant(), "Ley 38 de 2000", NOW);
		return Notification.claim(reminder, ContactChannel.SMS, NOW, NOW.plusSeconds(300));
	}

	@Test
	void aFinishedNotificationCannotFinishAgain() {
		Notification sent = Notification.claim(this.reminder, ContactChannel.SMS, NOW, NOW.plusSeconds(300))
			.sent("dev-outbox", 1, java.util.List.of(), NOW);

		assertThatIllegalStateException().isThrownBy(() -> sent.failed(FailureReason.PROVIDER_ERROR, NOW));
	}

}
