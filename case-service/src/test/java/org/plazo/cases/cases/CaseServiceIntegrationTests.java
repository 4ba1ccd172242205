package org.plazo.cases.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plazo.cases.OperatorByDefault;
import org.plazo.cases.outbox.OutboxRelay;
import org.plazo.cases.outbox.RecordedEvent;
import org.plazo.events.Envelope;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service end to end: HTTP in, MongoDB, and CloudEvents out on Kafka. Subclasses
 * supply the broker and the database.
 */
@SpringBootTest(classes = { org.plazo.cases.CaseServiceApplication.class, TestClock.class, OperatorByDefault.class },
		properties = { "plazo.outbox.sweep-interval=PT1H",
				"plazo.privacy.master-keyset=target/test-keys/case-service-master-keyset.json" })
@AutoConfigureMockMvc
abstract class CaseServiceIntegrationTests {

	static final String CONTRACT = """
			{"applicant": {"name": "Ana Prueba", "preferredLanguage": "es", "phone": "+50760001234", "email": null,
			               "preferredChannel": "SMS", "consentToContact": true, "consentNoticeVersion": "2026-11"},
			 "arrivalDate": "2026-03-02",
			 "household": [{"name": "Luis Prueba", "relationship": "CHILD", "birthDate": "2019-05-01"}]}
			""";

	private final EventCodec codec = new EventCodec();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Consumer<String, CloudEvent>> consumers = new ArrayList<>();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Cases cases;

	@Autowired
	MongoOperations mongo;

	@Autowired
	OutboxRelay relay;

	@Autowired
	KafkaConnectionDetails kafka;

	@AfterEach
	void closeConsumers() {
		this.consumers.forEach(Consumer::close);
	}

	@Test
	void opensACaseStoresItAndPublishesCaseOpened() {
		Consumer<String, CloudEvent> consumer = consumerAtEnd();

		MvcTestResult created = this.mvc.post()
			.uri("/api/v1/cases")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CONTRACT)
			.exchange();

		assertThat(created).hasStatus(HttpStatus.CREATED);
		String caseId = body(created).get("caseId").asString();
		assertThat(created).headers().hasValue("Location", "/api/v1/cases/" + caseId);

		MvcTestResult read = this.mvc.get().uri("/api/v1/cases/{id}", caseId).exchange();
		assertThat(read).hasStatusOk();
		JsonNode stored = body(read);
		assertThat(stored.at("/applicant/name").asString()).isEqualTo("Ana Prueba");
		assertThat(stored.at("/arrivalDate").asString()).isEqualTo("2026-03-02");
		assertThat(stored.at("/household/0/birthDate").asString()).isEqualTo("2019-05-01");
		assertThat(stored.at("/household/0/relationship").asString()).isEqualTo("CHILD");
		assertThat(stored.at("/facts/0/type").asString()).isEqualTo("org.plazo.case.opened.v1");

		ConsumerRecord<String, CloudEvent> record = recordsUntil(consumer, caseId).get(0);
		assertThat(record.key()).isEqualTo(caseId);
		assertThat(header(record, "ce_type")).isEqualTo("org.plazo.case.opened.v1");
		assertThat(header(record, "ce_source")).isEqualTo("urn:plazo:case-service");
		assertThat(header(record, "ce_subject")).isEqualTo(caseId);
		assertThat(header(record, "ce_id")).isEqualTo(stored.at("/facts/0/eventId").asString());
		Envelope<PlazoEvent> envelope = this.codec.fromCloudEvent(record.value()).orElseThrow();
		assertThat(envelope.data()).isEqualTo(new CaseOpened(caseId, LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS,
				null, null, true, 1, TestClock.NOW.truncatedTo(ChronoUnit.MILLIS)));
		assertThat(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8)).doesNotContain("Prueba");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.cases.findById(caseId).orElseThrow().pendingEvents()).isEmpty());
	}

	@Test
	void answersUnknownCaseWithNotFound() {
		assertThat(this.mvc.get().uri("/api/v1/cases/{id}", "no-such-case")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void storesNothingAndEmitsNothingForABadRequest() {
		Consumer<String, CloudEvent> consumer = consumerAtEnd();
		long before = this.mongo.getCollection(Case.COLLECTION).countDocuments();

		String bad = CONTRACT.replace("\"consentToContact\": true", "\"consentToContact\": false");
		assertThat(this.mvc.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(bad))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mongo.getCollection(Case.COLLECTION).countDocuments()).isEqualTo(before);

		// A good case after the bad one: its event is the only one that follows.
		MvcTestResult good = this.mvc.post()
			.uri("/api/v1/cases")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CONTRACT)
			.exchange();
		String caseId = body(good).get("caseId").asString();
		assertThat(recordsUntil(consumer, caseId)).isNotEmpty()
			.allSatisfy((record) -> assertThat(record.key()).isEqualTo(caseId));
	}

	@Test
	void publishesWhatACrashLeftBehindWhenItSweeps() {
		Consumer<String, CloudEvent> consumer = consumerAtEnd();
		// Stored with its pending event, but never handed to the relay: as if the process
		// died between the write and the send.
		Applicant ana = new Applicant("Ana Prueba", "fr", null, "ana.prueba@example.org", ContactChannel.EMAIL, true);
		Case opened = Case.open(UUID.randomUUID().toString(), ana,
				ContactConsent.of(ana, TestClock.NOW, "dev-caseworker-ana", "2026-11"), LocalDate.of(2026, 2, 27),
				List.of(), TestClock.NOW.truncatedTo(ChronoUnit.MILLIS));
		this.cases.save(opened);
		RecordedEvent recorded = this.cases.findById(opened.id()).orElseThrow().pendingEvents().get(0);

		this.relay.sweep();

		ConsumerRecord<String, CloudEvent> record = recordsUntil(consumer, opened.id()).get(0);
		assertThat(record.key()).isEqualTo(opened.id());
		assertThat(record.value().getId()).isEqualTo(recorded.eventId());
		assertThat(record.value().getTime().toInstant()).isEqualTo(recorded.recordedAt());
		assertThat(this.codec.fromCloudEvent(record.value()).orElseThrow().data())
			.isEqualTo(this.codec.fromJson(EventCatalog.CASE_OPENED, recorded.data().getBytes(StandardCharsets.UTF_8)));
		assertThat(this.cases.findById(opened.id()).orElseThrow().pendingEvents()).isEmpty();
		assertThat(this.cases.findById(opened.id()).orElseThrow().facts()).containsExactly(recorded);
	}

	@Test
	void recordsAProceduralEventAndPublishesItAfterCaseOpened() {
		Consumer<String, CloudEvent> consumer = consumerAtEnd();
		String caseId = body(this.mvc.post()
			.uri("/api/v1/cases")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CONTRACT)
			.exchange()).get("caseId").asString();

		MvcTestResult recorded = this.mvc.post()
			.uri("/api/v1/cases/{id}/events", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"type": "RESOLUTION_NOTIFIED", "resolutionId": "R-2026-0042", "outcome": "REJECTED",
					 "notifiedOn": "2026-03-06"}
					""")
			.exchange();

		assertThat(recorded).hasStatus(HttpStatus.CREATED);
		String eventId = body(recorded).get("eventId").asString();
		assertThat(recordsOf(consumer, caseId, 3)).extracting((record) -> header(record, "ce_type"))
			.containsExactly("org.plazo.case.opened.v1", "org.plazo.case.contact-details-changed.v1",
					"org.plazo.case.resolution-notified.v1");
		assertThat(this.mvc.get().uri("/api/v1/cases/{id}/events/{eventId}", caseId, eventId)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.data.resolutionId")
			.isEqualTo("R-2026-0042");
	}

	@Test
	void linksACaseToAnOrganisationAndEndsTheLinkPublishingBothWithoutNames() {
		Consumer<String, CloudEvent> consumer = consumerAtEnd();
		String caseId = body(this.mvc.post()
			.uri("/api/v1/cases")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CONTRACT)
			.exchange()).get("caseId").asString();

		MvcTestResult assigned = this.mvc.post()
			.uri("/api/v1/cases/{id}/assignments", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.content(AssignmentControllerTests.ASSIGNMENT)
			.exchange();
		assertThat(assigned).hasStatus(HttpStatus.CREATED);
		String assignmentId = body(assigned).get("assignmentId").asString();
		assertThat(this.mvc.post()
			.uri("/api/v1/cases/{id}/assignments", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.content(AssignmentControllerTests.ASSIGNMENT)).hasStatus(HttpStatus.CONFLICT);
		assertThat(this.mvc.delete().uri("/api/v1/cases/{id}/assignments/{assignmentId}", caseId, assignmentId))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.delete().uri("/api/v1/cases/{id}/assignments/{assignmentId}", caseId, assignmentId))
			.hasStatus(HttpStatus.NO_CONTENT);

		JsonNode stored = body(this.mvc.get().uri("/api/v1/cases/{id}/assignments", caseId).exchange());
		assertThat(stored).hasSize(1);
		assertThat(stored.at("/0/active").asBoolean()).isFalse();
		assertThat(stored.at("/0/revokedAt").asString()).isNotBlank();
		assertThat(stored.at("/0/consent/noticeVersion").asString()).isEqualTo("2026-03");
		List<ConsumerRecord<String, CloudEvent>> records = recordsOf(consumer, caseId, 4);
		assertThat(records).extracting((record) -> header(record, "ce_type"))
			.containsExactly("org.plazo.case.opened.v1", "org.plazo.case.contact-details-changed.v1",
					"org.plazo.case.assigned.v1", "org.plazo.case.assignment-revoked.v1");
		assertThat(records).allSatisfy((record) -> assertThat(record.key()).isEqualTo(caseId));
		assertThat(new String(records.get(2).value().getData().toBytes(), StandardCharsets.UTF_8))
			.contains("\"ngoId\":\"ngo-1\"")
			.contains("\"consentObtainedBy\":\"caseworker-17\"")
			.doesNotContain("Prueba", "+50760001234");
		// The facts stay the procedure's history.
		assertThat(body(this.mvc.get().uri("/api/v1/cases/{id}/events", caseId).exchange())).hasSize(1);
	}

	private JsonNode body(MvcTestResult result) {
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	static String header(ConsumerRecord<String, CloudEvent> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private Consumer<String, CloudEvent> consumerAtEnd() {
		Consumer<String, CloudEvent> consumer = consumerAtEnd(
				String.join(",", this.kafka.getConsumer().getBootstrapServers()));
		this.consumers.add(consumer);
		return consumer;
	}

	/** A consumer of the case stream that sees only what is published from now on. */
	static Consumer<String, CloudEvent> consumerAtEnd(String bootstrapServers) {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
		Consumer<String, CloudEvent> consumer = new KafkaConsumer<>(properties);
		List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASE_EVENTS, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	/** The first {@code count} records of the case from the consumer's position on. */
	static List<ConsumerRecord<String, CloudEvent>> recordsOf(Consumer<String, CloudEvent> consumer, String caseId,
			int count) {
		List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
				if (caseId.equals(record.key())) {
					records.add(record);
				}
			}
			return records.size() >= count;
		});
		return records;
	}

	/**
	 * Every record from the consumer's position up to the first one keyed by the case.
	 */
	static List<ConsumerRecord<String, CloudEvent>> recordsUntil(Consumer<String, CloudEvent> consumer, String caseId) {
		List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			return records.stream().anyMatch((record) -> caseId.equals(record.key()));
		});
		return records;
	}

}
