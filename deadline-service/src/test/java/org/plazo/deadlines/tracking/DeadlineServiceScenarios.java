package org.plazo.deadlines.tracking;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.rules.DeadlineEngine;
import org.plazo.deadlines.support.MovableClock;
import org.plazo.deadlines.support.TestTokens;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.CaseworkerAssigned;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.cases.PersonErased;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.deadlines.ReminderDue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What deadline-service does, end to end at its boundaries: case events in, deadlines on
 * its API, deadline events and due reminders out. Run against the embedded broker and
 * MongoDB stand-in, and against real Kafka and MongoDB where Docker exists.
 */
abstract class DeadlineServiceScenarios {

	static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

	private final EventCodec codec = new EventCodec();

	@Autowired
	MovableClock clock;

	@Autowired
	Environment environment;

	@Autowired
	DeadlineTracking tracking;

	@Autowired
	DeadlineEngine engine;

	@Autowired
	MongoTemplate mongo;

	@LocalServerPort
	int port;

	private KafkaConsumer<String, CloudEvent> consumer;

	private final List<PlazoEvent> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void listenToDeadlineEvents() {
		this.clock.set(START);
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
						"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new CloudEventDeserializer());
		this.consumer.subscribe(List.of(Topics.DEADLINE_EVENTS));
	}

	@AfterEach
	void close() {
		this.consumer.close();
	}

	String bootstrapServers() {
		return this.environment.getProperty("spring.kafka.bootstrap-servers");
	}

	@Test
	void schedulesTheFilingWindowWhenACaseOpens() {
		String caseId = newCaseId();
		publish(opened(caseId, LocalDate.of(2026, 3, 2)));

		Map<?, ?> filing = await().atMost(Duration.ofSeconds(30)).until(() -> filingWindow(caseId), (d) -> d != null);
		// Six months from Tue 3 Mar 2026, the business day after arrival.
		assertThat(filing.get("lastDay")).isEqualTo("2026-09-03");
		assertThat(filing.get("dueAt")).isEqualTo("2026-09-03T21:00:00Z");
		assertThat((String) filing.get("legalBasis")).contains("Decreto Ejecutivo 5 de 2018");
		assertThat((List<?>) filing.get("explanation")).isNotEmpty();
		DeadlineScheduled scheduled = awaitEvent(DeadlineScheduled.class, caseId);
		assertThat(scheduled.lastDay()).isEqualTo(LocalDate.of(2026, 9, 3));
	}

	@Test
	void firesEachReminderOnceWhenTheClockReachesIt() {
		String caseId = newCaseId();
		publish(opened(caseId, LocalDate.of(2026, 3, 2)));
		Map<?, ?> filing = await().atMost(Duration.ofSeconds(30)).until(() -> filingWindow(caseId), (d) -> d != null);
		Instant first = ((List<?>) filing.get("reminders")).stream()
			.map((r) -> (Map<?, ?>) r)
			.filter((r) -> "REMIND".equals(r.get("purpose")))
			.map((r) -> Instant.parse((String) r.get("fireAt")))
			.min(Instant::compareTo)
			.orElseThrow();

		this.clock.set(first.plusSeconds(1));

		ReminderDue due = awaitEvent(ReminderDue.class, caseId);
		assertThat(due.lastDay()).isEqualTo(LocalDate.of(2026, 9, 3));
		assertThat(due.scheduledFor()).isEqualTo(first);
		// Several more windows load; the reminder must not fire again.
		this.clock.advance(Duration.ofSeconds(2));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> poll(ReminderDue.class, caseId).size() == 1);
	}

	@Test
	void aRedeliveredCaseEventChangesNothing() {
		String caseId = newCaseId();
		CloudEvent event = this.codec.toCloudEvent(opened(caseId, LocalDate.of(2026, 3, 2)),
				URI.create("urn:plazo:case-service"), UUID.randomUUID().toString(),
				OffsetDateTime.ofInstant(START, ZoneOffset.UTC));
		publish(event);
		publish(event);
		awaitEvent(DeadlineScheduled.class, caseId);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> poll(DeadlineScheduled.class, caseId).size() == 1);
	}

	@Test
	void aMalformedEventGoesToTheDeadLetterTopicAndTheNextOneIsStillApplied() throws Exception {
		String caseId = newCaseId();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.CASE_EVENTS, caseId,
					"{not json".getBytes(StandardCharsets.UTF_8));
			garbage.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
			garbage.headers().add("ce_id", "bad-1".getBytes(StandardCharsets.UTF_8));
			garbage.headers().add("ce_type", "org.plazo.case.opened.v1".getBytes(StandardCharsets.UTF_8));
			garbage.headers().add("ce_source", "urn:test".getBytes(StandardCharsets.UTF_8));
			garbage.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
			producer.send(garbage).get();
		}
		publish(opened(caseId, LocalDate.of(2026, 3, 2)));
		awaitEvent(DeadlineScheduled.class, caseId);

		try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
						"dlt-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
			dlt.subscribe(List.of(Topics.deadLetter(Topics.CASE_EVENTS)));
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				dlt.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.stream().anyMatch((r) -> caseId.equals(r.key()));
			});
		}
	}

	@Test
	void recomputesCasesComputedByAnotherVersionOfTheRules() {
		String caseId = newCaseId();
		publish(opened(caseId, LocalDate.of(2026, 3, 2)));
		await().atMost(Duration.ofSeconds(30)).until(() -> filingWindow(caseId), (d) -> d != null);
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(caseId)),
				new Update().set("deadlines.0.rulesVersion", "2025.0"), "case_deadlines");

		assertThat(this.tracking.recomputeOutdatedRules()).isEqualTo(1);
		assertThat(filingWindow(caseId).get("rulesVersion")).isEqualTo(this.engine.rulesVersion());
		assertThat(this.tracking.recomputeOutdatedRules()).isZero();
	}

	@Test
	void unknownCaseGetsProblemDetails() {
		var response = get(TestTokens.operator(), "/api/v1/cases/{id}/deadlines", "no-such-case");
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
	}

	@Test
	void aCaseworkerSeesTheirCaseAndAnotherCaseworkersCaseIsAnUnknownCase() {
		String bens = newCaseId();
		publish(opened(bens, LocalDate.of(2026, 3, 2)));
		publish(new CaseworkerAssigned(bens, TestTokens.BEN, START));
		String ben = TestTokens.caseworker(TestTokens.BEN);
		String ana = TestTokens.caseworker(TestTokens.ANA);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> get(ben, "/api/v1/cases/{id}/deadlines", bens).getStatusCode().value() == 200);

		String unknown = newCaseId();
		var anaReadsBens = get(ana, "/api/v1/cases/{id}/deadlines", bens);
		var anaReadsUnknown = get(ana, "/api/v1/cases/{id}/deadlines", unknown);
		var anaExportsBens = get(ana, "/api/v1/operations/cases/{id}/export", bens);
		var anaExportsUnknown = get(ana, "/api/v1/operations/cases/{id}/export", unknown);

		assertThat(anaReadsBens.getStatusCode().value()).isEqualTo(404);
		assertSameAnswer(anaReadsBens, anaReadsUnknown, bens, unknown);
		assertThat(anaExportsBens.getStatusCode().value()).isEqualTo(404);
		assertSameAnswer(anaExportsBens, anaExportsUnknown, bens, unknown);
		assertThat(anaReadsBens.getBody()).doesNotContain("FILING_WINDOW");
		assertThat(get(TestTokens.viewer(), "/api/v1/cases/{id}/deadlines", bens).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void refusesMissingExpiredAndForeignTokens() {
		String path = "/api/v1/cases/{id}/deadlines";
		var none = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri(path, "any-case")
			.retrieve()
			.onStatus((status) -> true, (request, res) -> {
			})
			.toEntity(String.class);
		var expired = get(TestTokens.expired("dev-operator", List.of("operator")), path, "any-case");
		var otherKey = get(TestTokens.signedWithAnotherKey("dev-operator", List.of("operator")), path, "any-case");
		var noRole = get(TestTokens.token("dev-nobody", List.of()), path, "any-case");

		assertThat(none.getStatusCode().value()).isEqualTo(401);
		assertThat(none.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(none.getBody()).contains("urn:plazo:problem:unauthorized");
		assertThat(expired.getStatusCode().value()).isEqualTo(401);
		assertThat(otherKey.getStatusCode().value()).isEqualTo(401);
		assertThat(noRole.getStatusCode().value()).isEqualTo(403);
		assertThat(get(null, "/actuator/health", "").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void aViewerCannotAddAClosureAndNothingIsStored() {
		String closure = """
				{"date": "2026-12-24", "kind": "CLOSURE", "reason": "Viewer test", "source": "none"}
				""";
		var refused = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/v1/calendar/closures")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.viewer()))
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.body(closure)
			.retrieve()
			.onStatus((status) -> true, (request, res) -> {
			})
			.toEntity(String.class);

		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(get(TestTokens.viewer(), "/api/v1/calendar/closures", "").getBody()).doesNotContain("Viewer test");
		assertThat(this.mongo.getCollection("closures").countDocuments()).isZero();
	}

	@Test
	void erasureDeletesTheDeadlinesRemindersAndAssignmentForGood() {
		String caseId = newCaseId();
		publish(opened(caseId, LocalDate.of(2026, 3, 2)));
		publish(new CaseworkerAssigned(caseId, TestTokens.BEN, START));
		await().atMost(Duration.ofSeconds(30)).until(() -> filingWindow(caseId), (d) -> d != null);
		assertThat(get(TestTokens.operator(), "/api/v1/operations/cases/{id}/export", caseId).getBody())
			.contains("\"explanation\"", "\"status\":\"PENDING\"", "\"arrivalDate\":\"2026-03-02\"");
		Query ofCase = new Query(Criteria.where("caseId").is(caseId));
		assertThat(this.mongo.count(ofCase, "reminders")).isPositive();

		publish(new PersonErased(caseId, START.plusSeconds(60)));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> get(TestTokens.operator(), "/api/v1/operations/cases/{id}/export", caseId).getStatusCode()
				.value() == 404);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.mongo.exists(new Query(Criteria.where("_id").is(caseId)), "case_access"));
		assertThat(filingWindow(caseId)).isNull();
		assertThat(this.mongo.count(ofCase, "reminders")).isZero();

		// A replayed event of the erased case brings nothing back.
		publish(opened(caseId, LocalDate.of(2026, 3, 2)));
		String marker = newCaseId();
		publish(opened(marker, LocalDate.of(2026, 3, 2)));
		await().atMost(Duration.ofSeconds(30)).until(() -> filingWindow(marker), (d) -> d != null);
		assertThat(filingWindow(caseId)).isNull();
		assertThat(this.mongo.count(ofCase, "reminders")).isZero();
	}

	private ResponseEntity<String> get(String token, String path, String id) {
		RestClient.RequestHeadersSpec<?> request = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri(path, id);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
		}
		return request.retrieve().onStatus((status) -> true, (req, res) -> {
		}).toEntity(String.class);
	}

	/** The same status, type and body, once each case id is taken out. */
	private static void assertSameAnswer(ResponseEntity<String> one, ResponseEntity<String> other, String oneId,
			String otherId) {
		assertThat(one.getStatusCode()).isEqualTo(other.getStatusCode());
		assertThat(one.getHeaders().getContentType()).isEqualTo(other.getHeaders().getContentType());
		assertThat(one.getBody().replace(oneId, "ID")).isEqualTo(other.getBody().replace(otherId, "ID"));
	}

	private Map<?, ?> filingWindow(String caseId) {
		var response = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/v1/cases/{id}/deadlines", caseId)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.operator()))
			.retrieve()
			.onStatus((status) -> status.value() == 404, (request, res) -> {
			})
			.toEntity(Map.class);
		if (response.getStatusCode().value() != 200) {
			return null;
		}
		return ((List<?>) response.getBody().get("deadlines")).stream()
			.map((d) -> (Map<?, ?>) d)
			.filter((d) -> "FILING_WINDOW".equals(d.get("kind")))
			.findFirst()
			.orElse(null);
	}

	private <T extends PlazoEvent> T awaitEvent(Class<T> type, String caseId) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> poll(type, caseId), (events) -> !events.isEmpty())
			.get(0);
	}

	private <T extends PlazoEvent> List<T> poll(Class<T> type, String caseId) {
		for (ConsumerRecord<String, CloudEvent> record : this.consumer.poll(Duration.ofMillis(200))) {
			this.codec.fromCloudEvent(record.value()).ifPresent((envelope) -> this.received.add(envelope.data()));
		}
		return this.received.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter((event) -> event.caseId().equals(caseId))
			.toList();
	}

	private void publish(PlazoEvent event) {
		publish(this.codec.toCloudEvent(event, URI.create("urn:plazo:case-service"), UUID.randomUUID().toString(),
				OffsetDateTime.ofInstant(START, ZoneOffset.UTC)));
	}

	private void publish(CloudEvent event) {
		try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
				new CloudEventSerializer())) {
			producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, event.getSubject(), event)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String newCaseId() {
		return "case-" + UUID.randomUUID();
	}

	private static CaseOpened opened(String caseId, LocalDate arrival) {
		return new CaseOpened(caseId, arrival, "es", ContactChannel.SMS, "+50760001234", null, true, 1, START);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(START);
		}

	}

}
