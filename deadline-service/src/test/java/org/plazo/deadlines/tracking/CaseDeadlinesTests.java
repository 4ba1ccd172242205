package org.plazo.deadlines.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plazo.deadlines.rules.CaseFacts;
import org.plazo.deadlines.rules.ComputedDeadline;

import static org.assertj.core.api.Assertions.assertThat;

class CaseDeadlinesTests {

	/** Mon 16 Feb 2026, 9:00 in Panama: before every due instant below. */
	static final Instant NOW = Instant.parse("2026-02-16T14:00:00Z");

	static final CaseFacts FACTS = CaseFacts.opened("c1", LocalDate.of(2026, 3, 2));

	@Test
	void recordsAScheduledDeadlineOnceAndAMoveAsRescheduled() {
		CaseDeadlines doc = new CaseDeadlines("c1");
		doc.recompute(FACTS, List.of(reconsideration("OPEN", 23)), Map.of(), "FACTS_CHANGED", NOW);
		doc.recompute(FACTS, List.of(reconsideration("OPEN", 23)), Map.of(), "FACTS_CHANGED", NOW);
		doc.recompute(FACTS, List.of(reconsideration("OPEN", 24)), Map.of(), "CALENDAR_CHANGED", NOW);

		assertThat(doc.outbox()).extracting(PendingEvent::type)
			.containsExactly("org.plazo.deadline.scheduled.v1", "org.plazo.deadline.rescheduled.v1");
		assertThat(doc.outbox().get(1).json()).contains("\"previousLastDay\":\"2026-02-23\"")
			.contains("\"lastDay\":\"2026-02-24\"")
			.contains("CALENDAR_CHANGED");
	}

	@Test
	void recordsMetAndCancelsOpenDeadlinesThatNoLongerApply() {
		CaseDeadlines doc = new CaseDeadlines("c1");
		doc.recompute(FACTS, List.of(reconsideration("OPEN", 23)), Map.of(), "FACTS_CHANGED", NOW);
		doc.recompute(FACTS, List.of(reconsideration("MET", 23)), Map.of(), "FACTS_CHANGED", NOW);
		doc.recompute(FACTS, List.of(), Map.of(), "FACTS_CHANGED", NOW);

		assertThat(doc.outbox()).extracting(PendingEvent::type)
			.containsExactly("org.plazo.deadline.scheduled.v1", "org.plazo.deadline.met.v1");
		assertThat(doc.deadline("RECONSIDERATION").status()).isEqualTo("MET");

		CaseDeadlines other = new CaseDeadlines("c2");
		other.recompute(FACTS, List.of(reconsideration("OPEN", 23)), Map.of(), "FACTS_CHANGED", NOW);
		other.recompute(FACTS, List.of(), Map.of(), "FACTS_CHANGED", NOW);
		assertThat(other.outbox()).extracting(PendingEvent::type).last().isEqualTo("org.plazo.deadline.cancelled.v1");
		assertThat(other.deadline("RECONSIDERATION").status()).isEqualTo("CANCELLED");
	}

	@Test
	void anOpenDeadlineWhoseTermClosedIsMissed() {
		CaseDeadlines doc = new CaseDeadlines("c1");
		doc.recompute(FACTS, List.of(reconsideration("OPEN", 23)), Map.of(), "FACTS_CHANGED", NOW);
		doc.recompute(FACTS, List.of(reconsideration("OPEN", 23)), Map.of(), "DEADLINE_PASSED",
				Instant.parse("2026-02-23T21:00:01Z"));

		assertThat(doc.outbox()).extracting(PendingEvent::type).last().isEqualTo("org.plazo.deadline.missed.v1");
	}

	@Test
	void raisesASilenceAlertOnceWhenTheSilenceTermEnds() {
		CaseDeadlines doc = new CaseDeadlines("c1");
		doc.recompute(FACTS, List.of(silence(false)), Map.of(), "FACTS_CHANGED", NOW);
		doc.recompute(FACTS, List.of(silence(true)), Map.of(), "DEADLINE_PASSED", NOW);
		doc.recompute(FACTS, List.of(silence(true)), Map.of(), "DEADLINE_PASSED", NOW);

		assertThat(doc.outbox()).extracting(PendingEvent::type)
			.containsExactly("org.plazo.deadline.scheduled.v1", "org.plazo.deadline.silence-alert.v1");
		assertThat(doc.outbox().get(1).json()).contains("\"silenceFrom\":\"2026-04-24\"");
	}

	private static ComputedDeadline silence(boolean alert) {
		List<String> explanation = alert ? List.of(ComputedDeadline.ALERT_PREFIX + "no decision in two months")
				: List.of("two months from filing");
		return new ComputedDeadline("ADMINISTRATIVE_SILENCE:RECONSIDERATION", "ADMINISTRATIVE_SILENCE", "silence",
				"2026.1", "Ley 38 de 2000, art. 200", LocalDate.of(2026, 4, 23), Instant.parse("2026-04-24T05:00:00Z"),
				"INFO", false, explanation, List.of());
	}

	@Test
	void remembersAppliedEventsForSevenDaysHoweverManyCome() {
		CaseDeadlines doc = new CaseDeadlines("c1");
		doc.markApplied("first", NOW);
		for (int i = 0; i < 1_000; i++) {
			doc.markApplied("e" + i, NOW.plusSeconds(i));
		}
		// A week less a second after the first: still known.
		doc.markApplied("later", NOW.plus(CaseDeadlines.APPLIED_EVENTS_RETENTION).minusSeconds(1));
		assertThat(doc.hasApplied("first")).isTrue();
		assertThat(doc.hasApplied("e999")).isTrue();
	}

	@Test
	void forgetsAppliedEventsAfterTheirRetention() {
		CaseDeadlines doc = new CaseDeadlines("c1");
		doc.markApplied("old", NOW);
		doc.markApplied("new", NOW.plus(CaseDeadlines.APPLIED_EVENTS_RETENTION).plusSeconds(1));
		assertThat(doc.hasApplied("old")).isFalse();
		assertThat(doc.hasApplied("new")).isTrue();
	}

	@Test
	void keepsIdsStoredWithoutATimeForAFullRetention() {
		CaseDeadlines doc = new CaseDeadlines("c1", 1L, FACTS, List.of(), null, List.of("legacy"), List.of());
		assertThat(doc.hasApplied("legacy")).isTrue();
		doc.markApplied("e1", NOW);
		doc.markApplied("e2", NOW.plus(CaseDeadlines.APPLIED_EVENTS_RETENTION).minusSeconds(1));
		assertThat(doc.hasApplied("legacy")).isTrue();
	}

	@Test
	void forgetsEventsOnceTheyArePublished() {
		CaseDeadlines doc = new CaseDeadlines("c1");
		doc.recompute(FACTS, List.of(reconsideration("OPEN", 23)), Map.of(), "FACTS_CHANGED", NOW);
		doc.published(List.of(doc.outbox().get(0).id()));
		assertThat(doc.outbox()).isEmpty();
	}

	private static ComputedDeadline reconsideration(String status, int day) {
		LocalDate lastDay = LocalDate.of(2026, 2, day);
		// 16:00 in Panama (UTC-5) on the last day.
		Instant dueAt = Instant.parse("2026-02-" + day + "T21:00:00Z");
		return new ComputedDeadline("RECONSIDERATION", "RECONSIDERATION", "reconsideration", "2026.1",
				"Ley 38 de 2000, art. 67", lastDay, dueAt, status, false, List.of("step"), List.of());
	}

}
