package org.plazo.deadlines.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.events.EventPublisher;
import org.plazo.deadlines.events.EventPublisher.Outgoing;
import org.plazo.deadlines.rules.ComputedDeadline;
import org.plazo.deadlines.support.EmbeddedMongo;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * The relay publishes after each save without holding up the caller, and its sweep
 * reports the backlog it found.
 */
class OutboxRelayTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private MongoClient client;

	private MongoTemplate mongo;

	@BeforeEach
	void connect() {
		this.client = MongoClients.create(EmbeddedMongo.uri("outbox-relay-tests"));
		this.mongo = new MongoTemplate(this.client, "outbox-relay-tests");
		this.mongo.dropCollection(CaseDeadlines.class);
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void theBacklogGaugeShowsThePendingEventsTheLastSweepFound() {
		OutboxRelay relay = new OutboxRelay(mock(EventPublisher.class), this.mongo, this.registry);
		assertThat(this.registry.get("plazo.outbox.backlog").gauge().value()).isZero();
		for (String caseId : List.of("c1", "c2")) {
			CaseDeadlines doc = new CaseDeadlines(caseId);
			doc.recompute(DeadlineMetricsTests.FACTS, List.of(deadline("RECONSIDERATION"), deadline("APPEAL")),
					java.util.Map.of(), "FACTS_CHANGED", DeadlineMetricsTests.NOW);
			this.mongo.save(doc);
		}

		assertThat(relay.sweep()).isEqualTo(2);
		assertThat(this.registry.get("plazo.outbox.backlog").gauge().value()).isEqualTo(4);
		assertThat(relay.sweep()).isZero();
		assertThat(this.registry.get("plazo.outbox.backlog").gauge().value()).isZero();
	}

	@Test
	void eventsRelayedSoonArePublishedTogetherAndRemovedFromTheirDocuments() throws Exception {
		EventPublisher publisher = mock(EventPublisher.class);
		List<String> published = new CopyOnWriteArrayList<>();
		doAnswer((invocation) -> {
			List<Outgoing> events = invocation.getArgument(0);
			events.forEach((event) -> published.add(event.id()));
			return null;
		}).when(publisher).publishAll(anyList());
		OutboxRelay relay = new OutboxRelay(publisher, this.mongo, this.registry);
		List<String> expected = new ArrayList<>();
		for (String caseId : List.of("c1", "c2", "c3")) {
			CaseDeadlines doc = new CaseDeadlines(caseId);
			doc.recompute(DeadlineMetricsTests.FACTS, List.of(deadline("RECONSIDERATION")), java.util.Map.of(),
					"FACTS_CHANGED", DeadlineMetricsTests.NOW);
			CaseDeadlines saved = this.mongo.save(doc);
			saved.outbox().forEach((event) -> expected.add(event.id()));
			relay.relaySoon(caseId, saved.outbox());
		}

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mongo.findAll(CaseDeadlines.class).stream().allMatch((d) -> d.outbox().isEmpty()));
		assertThat(published).containsExactlyElementsOf(expected);
		relay.stop();
	}

	private static ComputedDeadline deadline(String kind) {
		return new ComputedDeadline(kind, kind, kind.toLowerCase(), "2026.1", "Ley 38 de 2000, art. 67",
				java.time.LocalDate.of(2026, 2, 23), Instant.parse("2026-02-23T21:00:00Z"), "OPEN", false,
				List.of("step"), List.of());
	}

}
