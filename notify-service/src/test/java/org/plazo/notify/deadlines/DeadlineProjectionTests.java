package org.plazo.notify.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.deadlines.DeadlineCancelled;
import org.plazo.events.deadlines.DeadlineMet;
import org.plazo.events.deadlines.DeadlineMissed;
import org.plazo.events.deadlines.DeadlineRescheduled;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.notify.testing.MongoStandIn;
import org.plazo.notify.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineProjectionTests {

	private final MongoStandIn mongo = new MongoStandIn();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-08-04T15:00:00Z"));

	private final DeadlineProjection projection = new DeadlineProjection(this.mongo.template(), this.clock);

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void nextIsTheOpenDeadlineThatClosesFirst() {
		this.projection.apply(scheduled("case-1", "FILING_WINDOW", LocalDate.of(2026, 9, 3)));
		this.projection.apply(scheduled("case-1", "ASYLUM_CERTIFICATE", LocalDate.of(2026, 8, 20)));
		this.projection.apply(scheduled("case-2", "RECONSIDERATION", LocalDate.of(2026, 8, 10)));

		assertThat(this.projection.next(List.of("case-1")))
			.hasValueSatisfying((next) -> assertThat(next.kind()).isEqualTo("ASYLUM_CERTIFICATE"));
		assertThat(this.projection.next(List.of("case-1", "case-2")))
			.hasValueSatisfying((next) -> assertThat(next.kind()).isEqualTo("RECONSIDERATION"));
		assertThat(this.projection.next(List.of("case-9"))).isEmpty();
	}

	@Test
	void metCancelledMissedAndPastDeadlinesAreNotNext() {
		this.projection.apply(scheduled("case-1", "FILING_WINDOW", LocalDate.of(2026, 9, 3)));
		this.projection.apply(scheduled("case-1", "ASYLUM_CERTIFICATE", LocalDate.of(2026, 8, 20)));
		this.projection.apply(scheduled("case-1", "APPEAL", LocalDate.of(2026, 8, 12)));
		this.projection.apply(scheduled("case-1", "RECONSIDERATION", LocalDate.of(2026, 8, 3)));

		this.projection.apply(new DeadlineMet("case-1", "case-1:ASYLUM_CERTIFICATE", "ASYLUM_CERTIFICATE"));
		this.projection.apply(new DeadlineCancelled("case-1", "case-1:APPEAL", "APPEAL", "CASE_CLOSED"));

		assertThat(this.projection.next(List.of("case-1")))
			.hasValueSatisfying((next) -> assertThat(next.kind()).isEqualTo("FILING_WINDOW"));
		this.projection.apply(new DeadlineMissed("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW",
				LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"), "Decreto Ejecutivo 5 de 2018"));
		assertThat(this.projection.next(List.of("case-1"))).isEmpty();
	}

	@Test
	void rescheduledDeadlineMovesAndRepeatedEventsChangeNothing() {
		DeadlineScheduled filing = scheduled("case-1", "FILING_WINDOW", LocalDate.of(2026, 9, 3));
		this.projection.apply(filing);
		this.projection.apply(filing);
		DeadlineRescheduled moved = new DeadlineRescheduled("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW",
				LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 4), Instant.parse("2026-09-03T21:00:00Z"),
				Instant.parse("2026-09-04T21:00:00Z"), "CALENDAR_CHANGED", "Decreto Ejecutivo 5 de 2018");
		this.projection.apply(moved);
		this.projection.apply(moved);

		assertThat(this.mongo.template().findById("case-1", CaseDeadlines.class).deadlines()).singleElement()
			.satisfies((deadline) -> assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2026, 9, 4)));
	}

	@Test
	void aLateCopyOfAnOlderEventDoesNotMoveTheDeadlineBack() {
		DeadlineScheduled filing = scheduled("case-1", "FILING_WINDOW", LocalDate.of(2026, 9, 3));
		this.projection.apply("event-1", filing);
		this.projection.apply("event-2",
				new DeadlineRescheduled("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW", LocalDate.of(2026, 9, 3),
						LocalDate.of(2026, 9, 7), Instant.parse("2026-09-03T21:00:00Z"),
						Instant.parse("2026-09-07T21:00:00Z"), "FACTS_CHANGED", "Decreto Ejecutivo 5 de 2018"));
		this.clock.set(this.clock.instant().plus(java.time.Duration.ofDays(6)));
		this.projection.apply("event-1", filing);

		assertThat(this.mongo.template().findById("case-1", CaseDeadlines.class).deadlines()).singleElement()
			.satisfies((deadline) -> assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2026, 9, 7)));
	}

	private static DeadlineScheduled scheduled(String caseId, String kind, LocalDate lastDay) {
		return new DeadlineScheduled(caseId, caseId + ":" + kind, kind, lastDay,
				lastDay.atTime(16, 0).atZone(java.time.ZoneId.of("America/Panama")).toInstant(), kind.toLowerCase(),
				"2026.1", "Decreto Ejecutivo 5 de 2018");
	}

}
