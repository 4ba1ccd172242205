package org.plazo.deadlines.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.rules.CaseFacts;
import org.plazo.deadlines.rules.ComputedDeadline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines scheduled and moved are counted once per change that recorded them, by kind.
 */
class DeadlineMetricsTests {

	static final Instant NOW = Instant.parse("2026-02-16T14:00:00Z");

	static final CaseFacts FACTS = CaseFacts.opened("c1", LocalDate.of(2026, 3, 2));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DeadlineMetrics metrics = new DeadlineMetrics(this.registry);

	@Test
	void countsScheduledAndRescheduledByKindOnlyForNewEvents() {
		CaseDeadlines doc = new CaseDeadlines("c1");
		Set<String> before = ids(doc);
		doc.recompute(FACTS, List.of(reconsideration(23)), Map.of(), "FACTS_CHANGED", NOW);
		this.metrics.recorded(doc.outbox(), before);

		// The relay failed: the scheduled event is still pending when the deadline moves.
		before = ids(doc);
		doc.recompute(FACTS, List.of(reconsideration(24)), Map.of(), "CALENDAR_CHANGED", NOW);
		this.metrics.recorded(doc.outbox(), before);

		assertThat(this.registry.get(DeadlineMetrics.SCHEDULED).tag("kind", "RECONSIDERATION").counter().count())
			.isOne();
		assertThat(this.registry.get(DeadlineMetrics.RESCHEDULED).tag("kind", "RECONSIDERATION").counter().count())
			.isOne();
	}

	private static Set<String> ids(CaseDeadlines doc) {
		return doc.outbox().stream().map(PendingEvent::id).collect(Collectors.toSet());
	}

	private static ComputedDeadline reconsideration(int day) {
		return new ComputedDeadline("RECONSIDERATION", "RECONSIDERATION", "reconsideration", "2026.1",
				"Ley 38 de 2000, art. 67", LocalDate.of(2026, 2, day), Instant.parse("2026-02-" + day + "T21:00:00Z"),
				"OPEN", false, List.of("step"), List.of());
	}

}
