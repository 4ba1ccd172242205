package org.plazo.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rejection notified on the Friday before Carnival: five business days to ask for
 * reconsideration, Carnival Tuesday skipped, reminders each morning, and a closure
 * decreed afterwards for the last day moves the last reminder earlier.
 */
@ExtendWith(SharedStack.class)
class ReconsiderationDeadlineTests {

	static final String PHONE = "+50760004321";

	static Api api;

	@BeforeAll
	static void onTheDayOfTheRejection() {
		api = new Api(SharedStack.stack());
		// 10:00 in Panama on Fri 13 Feb 2026.
		SharedStack.stack().clock().set(Instant.parse("2026-02-13T15:00:00Z"));
	}

	@Test
	void aRejectionBeforeCarnivalGivesFiveBusinessDaysAndAClosureMovesTheReminders() {
		String caseId = api.openCase("""
				{"applicant": {"name": "Marie Essai", "preferredLanguage": "es", "phone": "%s", "email": null,
				               "preferredChannel": "SMS", "consentToContact": true,
				               "consentNoticeVersion": "2026-11"},
				 "arrivalDate": "2025-09-01", "household": []}""".formatted(PHONE));
		api.recordEvent(caseId, """
				{"type": "APPLICATION_FILED", "filedOn": "2025-09-15"}""");
		api.recordEvent(caseId, """
				{"type": "RESOLUTION_NOTIFIED", "resolutionId": "R-2026-0113", "outcome": "REJECTED",
				 "notifiedOn": "2026-02-13"}""");

		JsonNode reconsideration = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.deadline(caseId, "RECONSIDERATION"), (d) -> d != null);
		// Mon 16, (Tue 17 Carnival skipped), Wed 18, Thu 19, Fri 20, Mon 23 Feb 2026 at
		// 16:00.
		assertThat(reconsideration.get("lastDay").asString()).isEqualTo("2026-02-23");
		assertThat(reconsideration.get("dueAt").asString()).isEqualTo("2026-02-23T21:00:00Z");
		assertThat(reconsideration.get("legalBasis").asString()).contains("38");
		assertThat(reconsideration.get("explanation").toString()).contains("Carnival");
		assertThat(reminders(reconsideration)).contains("2026-02-16T13:00:00Z", "2026-02-18T13:00:00Z",
				"2026-02-19T13:00:00Z", "2026-02-20T13:00:00Z", "2026-02-23T12:00:00Z");

		// The notification-day reminder (8:00) had passed when the deadline was computed:
		// it goes out at once.
		String first = await().atMost(Duration.ofSeconds(60))
			.until(ReconsiderationDeadlineTests::reconsiderationSms, (messages) -> !messages.isEmpty())
			.get(0);
		assertThat(first).contains("23 de febrero");

		// Offices are then closed by decree on the last day: act by Fri 20 Feb instead.
		api.addClosure("""
				{"date": "2026-02-23", "kind": "CLOSURE", "reason": "Cierre de oficinas (ejemplo de prueba)",
				 "source": "Decreto Ejecutivo de prueba"}""");
		JsonNode moved = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.deadline(caseId, "RECONSIDERATION"),
					(d) -> !reminders(d).contains("2026-02-23T12:00:00Z"));
		assertThat(reminders(moved)).contains("2026-02-20T12:00:00Z");
		assertThat(moved.get("explanation").toString()).contains("Fri 20 Feb 2026");

		// Mon 16 Feb, 8:00 in Panama: the first business-day morning reminder.
		SharedStack.stack().clock().set(Instant.parse("2026-02-16T13:00:30Z"));
		await().atMost(Duration.ofSeconds(60)).until(() -> reconsiderationSms().size() == 2);
	}

	/** The messages about this reconsideration term the person received. */
	private static List<String> reconsiderationSms() {
		return api.smsTo(PHONE)
			.stream()
			.map(TwilioFake.Sms::body)
			.filter((body) -> body.contains("23 de febrero"))
			.toList();
	}

	/** The instants of the deadline's pending person reminders. */
	private static List<String> reminders(JsonNode deadline) {
		return StreamSupport.stream(deadline.get("reminders").spliterator(), false)
			.filter((r) -> "REMIND".equals(r.get("purpose").asString()))
			.filter((r) -> !"CANCELLED".equals(r.get("status").asString()))
			.map((r) -> r.get("fireAt").asString())
			.toList();
	}

}
