package org.plazo.notify.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;
import org.plazo.events.EventCodec;
import org.plazo.events.deadlines.DeadlineCancelled;
import org.plazo.events.deadlines.DeadlineMet;
import org.plazo.events.deadlines.DeadlineMissed;
import org.plazo.events.deadlines.DeadlineRescheduled;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.deadlines.DeadlineProjection;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Reads the deadline events this service consumes as deadline-service writes them
 * (samples under {@code src/test/resources/events}).
 */
class DeadlineEventsListenerTests {

	private final ReminderDelivery delivery = mock();

	private final DeadlineProjection deadlines = mock();

	private final DeadlineEventsListener listener = new DeadlineEventsListener(new EventCodec(), this.delivery,
			this.deadlines);

	@Test
	void deliversADueReminder() throws IOException {
		this.listener.on(cloudEvent("org.plazo.reminder.due.v1"));

		verify(this.delivery).deliver(new ReminderDue("case-1", "case-1:FILING_WINDOW:P-30D", "case-1:FILING_WINDOW",
				"FILING_WINDOW", LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"),
				"Decreto Ejecutivo 5 de 2018, art. 30", Instant.parse("2026-08-04T12:00:00Z")));
	}

	@Test
	void keepsAScheduledDeadlineAndTellsNobodyYet() throws IOException {
		this.listener.on(cloudEvent("org.plazo.deadline.scheduled.v1"));

		verifyNoInteractions(this.delivery);
		verify(this.deadlines).apply("event-1",
				new DeadlineScheduled("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW", LocalDate.of(2026, 9, 3),
						Instant.parse("2026-09-03T21:00:00Z"), "filing-window", "2026.1",
						"Decreto Ejecutivo 5 de 2018, art. 30"));
	}

	@Test
	void keepsMovedCancelledMetAndMissedDeadlines() throws IOException {
		for (String type : new String[] { "org.plazo.deadline.rescheduled.v1", "org.plazo.deadline.cancelled.v1",
				"org.plazo.deadline.met.v1", "org.plazo.deadline.missed.v1" }) {
			this.listener.on(cloudEvent(type));
		}

		verify(this.deadlines).apply("event-1",
				new DeadlineRescheduled("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW", LocalDate.of(2026, 9, 3),
						LocalDate.of(2026, 9, 4), Instant.parse("2026-09-03T21:00:00Z"),
						Instant.parse("2026-09-04T21:00:00Z"), "CALENDAR_CHANGED",
						"Decreto Ejecutivo 5 de 2018, art. 30"));
		verify(this.deadlines).apply("event-1",
				new DeadlineCancelled("case-1", "case-1:APPEAL", "APPEAL", "CASE_CLOSED"));
		verify(this.deadlines).apply("event-1", new DeadlineMet("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW"));
		verify(this.deadlines).apply("event-1",
				new DeadlineMissed("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW", LocalDate.of(2026, 9, 3),
						Instant.parse("2026-09-03T21:00:00Z"), "Decreto Ejecutivo 5 de 2018, art. 30"));
		verifyNoInteractions(this.delivery);
	}

	private static CloudEvent cloudEvent(String type) throws IOException {
		try (InputStream in = DeadlineEventsListenerTests.class.getResourceAsStream("/events/" + type + ".json")) {
			return CloudEventBuilder.v1()
				.withId("event-1")
				.withType(type)
				.withSource(URI.create("urn:plazo:deadline-service"))
				.withSubject("case-1")
				.withData(EventCodec.JSON, in.readAllBytes())
				.build();
		}
	}

}
