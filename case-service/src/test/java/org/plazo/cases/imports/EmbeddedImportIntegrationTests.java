package org.plazo.cases.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plazo.cases.OperatorByDefault;
import org.plazo.cases.CaseServiceApplication;
import org.plazo.cases.imports.ImportStatus.RejectedRow;
import org.plazo.cases.imports.ImportStatus.State;
import org.plazo.cases.privacy.MasterKeys;
import org.plazo.cases.observability.CaseMetrics;
import org.plazo.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Imports end to end on the embedded Kafka broker (KRaft) and the in-process MongoDB-wire
 * server: CSV in, cases in MongoDB, CloudEvents out; or, for a bad file, nothing at all.
 * Every person is invented.
 */
@SpringBootTest(classes = { CaseServiceApplication.class, ImportTestClock.class, OperatorByDefault.class },
		properties = { "plazo.outbox.sweep-interval=PT1H", "plazo.imports.resume-interval=PT1H",
				"plazo.imports.max-file-size=64KB", "plazo.imports.max-rows=250",
				"plazo.privacy.master-keyset=target/test-keys/case-service-master-keyset.json" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = { Topics.CASE_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EmbeddedImportIntegrationTests {

	static final MongoServer mongoServer = new MongoServer(new MemoryBackend());

	private static final String OPENED = "org.plazo.case.opened.v1";

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Consumer<String, CloudEvent>> consumers = new ArrayList<>();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MongoOperations mongo;

	@Autowired
	CaseImports imports;

	@Autowired
	MasterKeys keys;

	@Autowired
	ImportWorker worker;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		String address = mongoServer.bindAndGetConnectionString();
		registry.add("spring.mongodb.uri", () -> address + "/plazo-cases");
	}

	@AfterAll
	static void stopMongo() {
		mongoServer.shutdownNow();
	}

	@AfterEach
	void closeConsumers() {
		this.consumers.forEach(Consumer::close);
	}

	@Test
	void importsAGoodFileWholeWithOneCaseOpenedPerPerson() {
		Consumer<String, CloudEvent> consumer = consumerAtEnd();
		double openedBefore = this.meters.counter(CaseMetrics.CASES_OPENED).count();
		byte[] file = withBom(caseload(200, -1).replace(',', ';'));

		MvcTestResult accepted = this.mvc.post()
			.uri("/api/v1/imports")
			.multipart()
			.file(new MockMultipartFile("file", "caseload.csv", "text/csv", file))
			.exchange();

		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		JsonNode body = body(accepted);
		String importId = body.get("importId").asString();
		assertThat(accepted).headers().hasValue("Location", "/api/v1/imports/" + importId);
		assertThat(body.get("totalRows").asInt()).isEqualTo(200);
		assertThat(body.get("state").asString()).isEqualTo("VALIDATING");

		JsonNode done = awaitFinished(importId);
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("processedRows").asInt()).isEqualTo(200);
		assertThat(done.get("imported").asInt()).isEqualTo(200);
		assertThat(done.get("rejected")).isEmpty();

		Set<String> caseIds = caseIds(importId, 200);
		assertThat(storedCases(caseIds)).hasSize(200);
		assertThat(this.meters.counter(CaseMetrics.CASES_OPENED).count() - openedBefore).isEqualTo(200);
		JsonNode withHistory = body(
				this.mvc.get().uri("/api/v1/cases/{id}", ImportWorker.caseId(importId, 2)).exchange());
		assertThat(withHistory.at("/applicant/name").asString()).isEqualTo("Persona Prueba 1");
		assertThat(withHistory.at("/facts").valueStream().map((fact) -> fact.get("type").asString()))
			.containsExactly(OPENED, "org.plazo.case.application-filed.v1", "org.plazo.case.resolution-notified.v1");

		Map<String, List<String>> published = publishedOnceStored(consumer, caseIds);
		assertThat(published).hasSize(200);
		assertThat(published.values()).allSatisfy((types) -> assertThat(types).containsOnlyOnce(OPENED));
		assertThat(this.mongo.findById(importId, Document.class, ImportJob.COLLECTION)).doesNotContainKey("csv");
		assertThat(this.mvc.post()
			.uri("/api/v1/imports")
			.multipart()
			.file(new MockMultipartFile("file", "caseload-again.csv", "text/csv", file))).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.importId")
			.isEqualTo(importId);
	}

	@Test
	void importsNothingAndPublishesNothingWhenOneRowIsBad() {
		Consumer<String, CloudEvent> consumer = consumerAtEnd();
		String file = caseload(60, 31);

		MvcTestResult accepted = this.mvc.post()
			.uri("/api/v1/imports?fileName=caseload.csv")
			.contentType("text/csv")
			.content(file.getBytes(StandardCharsets.UTF_8))
			.exchange();

		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		String importId = body(accepted).get("importId").asString();
		JsonNode rejected = awaitFinished(importId);
		assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
		assertThat(rejected.get("imported").asInt()).isZero();
		assertThat(this.json.convertValue(rejected.get("rejected"), RejectedRow[].class)).containsExactly(
				new RejectedRow(31, "phone", "must be a valid phone number in E.164 format, e.g. +50760001234"));
		assertThat(rejected.toString()).doesNotContain("+5079999");

		Set<String> caseIds = caseIds(importId, 60);
		assertThat(storedCases(caseIds)).isEmpty();
		assertThat(drain(consumer)).extracting(ConsumerRecord::key).doesNotContainAnyElementsOf(caseIds);
	}

	@Test
	void resumingAnImportStoresWhatIsMissingAndDuplicatesNothing() {
		Consumer<String, CloudEvent> consumer = consumerAtEnd();
		String file = caseload(40, -1);
		ImportStatus started = this.imports.start("caseload.csv", file.getBytes(StandardCharsets.UTF_8), "operator-1");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.imports.find(started.importId()).orElseThrow().state() == State.DONE);
		Set<String> caseIds = caseIds(started.importId(), 40);
		Map<String, List<String>> first = publishedOnceStored(consumer, caseIds);
		assertThat(first).hasSize(40);

		// As if the process died after storing rows 2 to 36 of 41, having recorded
		// progress up to row 11: the job still IMPORTING, holding its file, its lease
		// run out.
		Set<String> neverStored = IntStream.rangeClosed(37, 41)
			.mapToObj((row) -> ImportWorker.caseId(started.importId(), row))
			.collect(Collectors.toSet());
		this.mongo.remove(Query.query(Criteria.where("_id").in(neverStored)), "cases");
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(started.importId())),
				new Update().set("state", State.IMPORTING.name())
					.set("processedRows", 10)
					.set("imported", 10)
					.set("csv", encrypted(started.importId(), file))
					.unset("finishedAt")
					.unset("leaseUntil"),
				ImportJob.COLLECTION);

		this.worker.resumeUnfinished();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.imports.find(started.importId()).orElseThrow().state() == State.DONE);
		assertThat(this.imports.find(started.importId()).orElseThrow().imported()).isEqualTo(40);
		assertThat(storedCases(caseIds)).hasSize(40)
			.allSatisfy((stored) -> assertThat(stored.getList("facts", Document.class))
				.filteredOn((fact) -> OPENED.equals(fact.getString("type")))
				.hasSize(1));
		Map<String, List<String>> again = publishedOnceStored(consumer, caseIds);
		assertThat(again.keySet()).isEqualTo(neverStored);
		assertThat(again.values()).allSatisfy((types) -> assertThat(types).containsOnlyOnce(OPENED));

		// Once more, with nothing missing: nothing new at all.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(started.importId())),
				new Update().set("state", State.IMPORTING.name())
					.set("processedRows", 0)
					.set("csv", encrypted(started.importId(), file)),
				ImportJob.COLLECTION);
		this.worker.run(started.importId());
		assertThat(this.imports.find(started.importId()).orElseThrow().state()).isEqualTo(State.DONE);
		assertThat(drain(consumer)).extracting(ConsumerRecord::key).doesNotContainAnyElementsOf(caseIds);
	}

	@Test
	void givesUpAnImportTakenUpAgainAndAgainWithoutProgress() {
		String importId = UUID.randomUUID().toString();
		this.mongo.insert(new ImportJob(importId, "caseload.csv", "operator-1", State.IMPORTING, 3, 0, 0, List.of(),
				ImportTestClock.NOW, null, null, 5, "0", encrypted(importId, caseload(3, -1))));

		this.worker.run(importId);

		ImportStatus failed = this.imports.find(importId).orElseThrow();
		assertThat(failed.state()).isEqualTo(State.FAILED);
		assertThat(failed.finishedAt()).isNotNull();
		assertThat(storedCases(caseIds(importId, 3))).isEmpty();
		assertThat(this.mongo.findById(importId, Document.class, ImportJob.COLLECTION)).doesNotContainKey("csv");
	}

	@Test
	void answersBadUploadsWithProblems() {
		assertThat(upload("")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.isEqualTo(Map.of("field", "file", "detail", "The file is empty."));
		assertThat(upload("nombre,telefono\nAna Prueba,+50760001234\n")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson())
				.contains("urn:plazo:problem:invalid-import-file", "misses the column(s) applicantName",
						"column 1 (A) is not a known column")
				.doesNotContain("+50760001234", "Ana"));
		assertThat(upload(caseload(251, -1))).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:plazo:problem:import-too-large");
		assertThat(upload("applicantName\n" + "x".repeat(70_000))).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri("/api/v1/imports/{id}", "no-such-import")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void offersTheTemplate() {
		MvcTestResult template = this.mvc.get().uri("/api/v1/imports/template.csv").exchange();

		assertThat(template).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
		assertThat(template).headers().containsHeader("Content-Disposition");
		assertThat(template.getResponse().getContentAsByteArray()).startsWith("applicantName,".getBytes());
	}

	private byte[] encrypted(String importId, String csv) {
		return this.keys.encrypt(csv.getBytes(StandardCharsets.UTF_8), CaseImports.fileAssociatedData(importId));
	}

	private MvcTestResult upload(String csv) {
		return this.mvc.post()
			.uri("/api/v1/imports")
			.contentType("text/csv")
			.content(csv.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	/**
	 * A file of invented people, one in three with some history; the row at
	 * {@code badRow} (spreadsheet numbering, -1 for none) has a phone number too short.
	 */
	static String caseload(int people, int badRow) {
		StringBuilder csv = new StringBuilder(
				"applicantName,preferredLanguage,phone,email,preferredChannel,consentToContact,arrivalDate,"
						+ "applicationFiledOn,resolutionId,resolutionOutcome,resolutionNotifiedOn\r\n");
		String[] languages = { "es", "en", "fr", "ht", "pt" };
		for (int i = 1; i <= people; i++) {
			boolean byEmail = i % 4 == 0;
			String phone = (i + 1 == badRow) ? "+5079999" : String.format("+5076%07d", i);
			String history = (i % 3 == 1) ? "2026-02-20,R-2026-%04d,ADMITTED,2026-03-06".formatted(i) : ",,,";
			csv.append(String.join(",", "Persona Prueba " + i, languages[i % 5], byEmail ? "" : phone,
					byEmail ? "persona" + i + "@example.org" : "", byEmail ? "EMAIL" : "SMS", "true",
					"2026-0" + (1 + i % 2) + "-0" + (1 + i % 9), history))
				.append("\r\n");
		}
		return csv.toString();
	}

	private static byte[] withBom(String csv) {
		byte[] text = csv.getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[text.length + 3];
		file[0] = (byte) 0xEF;
		file[1] = (byte) 0xBB;
		file[2] = (byte) 0xBF;
		System.arraycopy(text, 0, file, 3, text.length);
		return file;
	}

	private static Set<String> caseIds(String importId, int people) {
		return IntStream.rangeClosed(2, people + 1)
			.mapToObj((row) -> ImportWorker.caseId(importId, row))
			.collect(Collectors.toSet());
	}

	private List<Document> storedCases(Set<String> caseIds) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(caseIds)), Document.class, "cases");
	}

	private JsonNode awaitFinished(String importId) {
		List<JsonNode> finished = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			JsonNode status = body(this.mvc.get().uri("/api/v1/imports/{id}", importId).exchange());
			finished.add(0, status);
			return Set.of("REJECTED", "DONE", "FAILED").contains(status.get("state").asString());
		});
		return finished.get(0);
	}

	/**
	 * The types published for each of the cases, once every one of them has left the
	 * outbox: what the topic holds up to its end from the consumer's position.
	 */
	private Map<String, List<String>> publishedOnceStored(Consumer<String, CloudEvent> consumer, Set<String> caseIds) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> storedCases(caseIds).stream()
				.allMatch((stored) -> stored.getList("outbox", Document.class, List.of()).isEmpty()));
		Map<String, List<String>> published = new HashMap<>();
		for (ConsumerRecord<String, CloudEvent> record : drain(consumer)) {
			if (caseIds.contains(record.key())) {
				published.computeIfAbsent(record.key(), (key) -> new ArrayList<>()).add(record.value().getType());
			}
		}
		return published;
	}

	/** Every record from the consumer's position to the end of every partition. */
	private static List<ConsumerRecord<String, CloudEvent>> drain(Consumer<String, CloudEvent> consumer) {
		Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
		List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
		});
		return records;
	}

	/** A consumer of the case stream that sees only what is published from now on. */
	private Consumer<String, CloudEvent> consumerAtEnd() {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				String.join(",", this.kafka.getConsumer().getBootstrapServers()), ConsumerConfig.GROUP_ID_CONFIG,
				"test-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
		Consumer<String, CloudEvent> consumer = new KafkaConsumer<>(properties);
		this.consumers.add(consumer);
		List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASE_EVENTS, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	private JsonNode body(MvcTestResult result) {
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

}
