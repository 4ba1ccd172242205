package org.plazo.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.events.notifications.NotificationSent;

/**
 * One sample of every event type, with invented people.
 */
final class EventSamples {

	static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

	private EventSamples() {
	}

	static List<PlazoEvent> all() {
		return List.of(
				new CaseOpened("case-1", LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, "+50760001234", null, true,
						1, NOW),
				new DeadlineScheduled("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW", LocalDate.of(2026, 9, 3),
						Instant.parse("2026-09-03T21:00:00Z"), "filing-window", "2026.1",
						"Decreto Ejecutivo 5 de 2018, art. 30"),
				new ReminderDue("case-1", "case-1:FILING_WINDOW:P-30D", "case-1:FILING_WINDOW", "FILING_WINDOW",
						LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"),
						"Decreto Ejecutivo 5 de 2018, art. 30", Instant.parse("2026-08-04T12:00:00Z")),
				new NotificationSent("case-1", "n-1", "case-1:FILING_WINDOW:P-30D", "SMS", "dev", 1, NOW),
				new NotificationFailed("case-1", "n-2", "case-1:FILING_WINDOW:P-30D", "EMAIL", "NO_ADDRESS", true,
						NOW));
	}

}
