package org.plazo.cases.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.cases.CaseServiceApplication;
import org.plazo.cases.TestTokens;
import org.plazo.cases.OperatorByDefault;
import org.plazo.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Personal data protection and the Law 81 rights end to end in case-service: HTTP in,
 * MongoDB read raw, the case stream read raw, deadline-service and notify-service faked
 * at the HTTP edge.
 */
@SpringBootTest(classes = { CaseServiceApplication.class, MovableClock.Configuration.class, OperatorByDefault.class },
		properties = { "plazo.outbox.sweep-interval=PT1H", "plazo.console.timeout=PT2S" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = { Topics.CASE_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EmbeddedPrivacyIntegrationTests {

	// An invented person, with marks no other test data has.
	static final String NAME = "Wenceslava Trumbledorf";

	static final String MEMBER = "Ottoline Trumbledorf";

	static final String PHONE = "+50760009876";

	static final String EMAIL = "wenceslava.trumbledorf@example.org";

	static final String NEW_PHONE = "+50760005544";

	static final List<String> PERSONAL = List.of("Wenceslava", "Trumbledorf", "Ottoline", PHONE, "50760009876", EMAIL,
			NEW_PHONE, "50760005544");

	static final String OPEN = """
			{"applicant": {"name": "%s", "preferredLanguage": "es", "phone": "%s", "email": "%s",
			               "preferredChannel": "SMS", "consentToContact": true, "consentNoticeVersion": "2026-11"},
			 "arrivalDate": "2026-03-02",
			 "household": [{"name": "%s", "relationship": "CHILD", "birthDate": "2019-05-01"}]}
			""".formatted(NAME, PHONE, EMAIL, MEMBER);

	static final MongoServer mongoServer = new MongoServer(new MemoryBackend());

	static final WireMockServer services = new WireMockServer(wireMockConfig().dynamicPort());

	static final Path keys;

	static {
		services.start();
		try {
			keys = Files.createTempDirectory("plazo-test-keys");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String address = mongoServer.bindAndGetConnectionString();
		registry.add("spring.mongodb.uri", () -> address + "/plazo-cases");
		registry.add("plazo.privacy.master-keyset", () -> keys.resolve("master-keyset.json").toString());
		registry.add("plazo.console.deadline-service-url", () -> services.baseUrl() + "/deadlines");
		registry.add("plazo.console.notify-service-url", () -> services.baseUrl() + "/notify");
	}

	@AfterAll
	static void stop() {
		services.stop();
		mongoServer.shutdownNow();
	}

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MovableClock clock;

	@Autowired
	RetentionJob retention;

	@Autowired
	PersonKeys personKeys;

	@Autowired
	MasterKeys masterKeys;

	@Autowired
	KafkaConnectionDetails kafka;

	@BeforeEach
	void resetClockAndFakes() {
		this.clock.set(MovableClock.START);
		services.resetAll();
	}

	@Test
	void storesNoPersonalFieldInPlaintextAndBindsEachCiphertextToItsCaseAndField() {
		String caseId = open();

		JsonNode read = body(this.mvc.get().uri("/api/v1/cases/{id}", caseId).exchange());
		assertThat(read.at("/applicant/name").asString()).isEqualTo(NAME);
		assertThat(read.at("/household/0/name").asString()).isEqualTo(MEMBER);
		assertThat(read.at("/household/0/birthDate").asString()).isEqualTo("2019-05-01");
		assertThat(dumpOfEveryDatabase()).doesNotContain(PERSONAL).doesNotContain("2019-05-01");

		Document stored = this.mongo.findById(caseId, Document.class, "cases");
		Document name = stored.get("applicant", Document.class).get("name", Document.class);
		assertThat(name.getInteger("keyId")).isNotNull();
		assertThat(name.get("ciphertext")).isInstanceOf(Binary.class);
		assertThat(this.mongo.findById(caseId, Document.class, "person_keys")).containsKeys("wrappedKey", "masterKeyId",
				"createdAt");

		// The name's ciphertext moved into the email field, then into another case:
		// neither reads.
		var moved = new Document(stored);
		moved.get("applicant", Document.class).put("email", name);
		this.mongo.save(moved, "cases");
		assertThat(this.mvc.get().uri("/api/v1/cases/{id}", caseId)).hasStatus5xxServerError();
		String other = open();
		Document otherCase = this.mongo.findById(other, Document.class, "cases");
		otherCase.get("applicant", Document.class).put("name", name);
		this.mongo.save(otherCase, "cases");
		assertThat(this.mvc.get().uri("/api/v1/cases/{id}", other)).hasStatus5xxServerError();
	}

	@Test
	void publishesNoContactDetailsOnTheCaseStreamAndOffersThemByLookup() {
		String caseId = open();
		rectify(caseId);

		List<ConsumerRecord<byte[], byte[]>> records = everyRecordOfTheCaseStream(caseId, 4);
		assertThat(records)
			.extracting((record) -> new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
			.containsExactly("org.plazo.case.opened.v1", "org.plazo.case.caseworker-assigned.v1",
					"org.plazo.case.contact-details-changed.v1", "org.plazo.case.contact-details-changed.v1");
		assertThat(raw(records)).doesNotContain(PERSONAL);

		JsonNode contact = body(this.mvc.get().uri("/api/v1/cases/{id}/contact", caseId).exchange());
		assertThat(contact.get("caseId").asString()).isEqualTo(caseId);
		assertThat(contact.get("phone").asString()).isEqualTo(NEW_PHONE);
		assertThat(contact.get("email").isNull()).isTrue();
		assertThat(contact.get("preferredLanguage").asString()).isEqualTo("fr");
		assertThat(contact.get("consentNoticeVersion").asString()).isEqualTo("2026-12");
		assertThat(this.mvc.get().uri("/api/v1/cases/{id}/contact", "no-such-case")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void recordsConsentWithWhatWhenThroughWhomAndTheNotice() {
		String caseId = open();

		JsonNode consent = body(this.mvc.get().uri("/api/v1/cases/{id}", caseId).exchange()).get("consent");
		assertThat(consent.get("given").asBoolean()).isTrue();
		assertThat(consent.get("channels").toString()).isEqualTo("[\"SMS\",\"EMAIL\"]");
		assertThat(consent.get("givenAt").asString()).isEqualTo("2026-03-10T15:00:00Z");
		assertThat(consent.get("obtainedBy").asString()).isEqualTo("dev-caseworker-ana");
		assertThat(consent.get("noticeVersion").asString()).isEqualTo("2026-11");

		MvcTestResult noNotice = this.mvc.post()
			.uri("/api/v1/cases")
			.contentType(MediaType.APPLICATION_JSON)
			.content(OPEN.replace(", \"consentNoticeVersion\": \"2026-11\"", ""))
			.exchange();
		assertThat(noNotice).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(noNotice).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("applicant.consentNoticeVersion");
	}

	@Test
	void rectifiesContactDetailsAndNamesEveryBadField() throws Exception {
		String caseId = open();

		MvcTestResult bad = this.mvc.patch()
			.uri("/api/v1/cases/{id}/contact", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"phone": "12", "email": null, "preferredLanguage": "xx", "preferredChannel": "EMAIL",
					 "consentToContact": true}
					""")
			.exchange();
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(bad).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("phone", "email", "preferredLanguage", "consentNoticeVersion");
		assertThat(bad.getResponse().getContentAsString()).doesNotContain("xx");

		rectify(caseId);
		JsonNode read = body(this.mvc.get().uri("/api/v1/cases/{id}", caseId).exchange());
		assertThat(read.at("/applicant/phone").asString()).isEqualTo(NEW_PHONE);
		assertThat(read.at("/applicant/name").asString()).isEqualTo(NAME);
		assertThat(read.at("/consent/noticeVersion").asString()).isEqualTo("2026-12");
		assertThat(dumpOfEveryDatabase()).doesNotContain(PERSONAL);
		assertThat(actions(caseId)).contains("RECTIFY");
	}

	@Test
	void exportsEverythingAndSaysWhichPartIsMissing() {
		String caseId = open();
		services.stubFor(get(urlPathMatching("/deadlines/api/v1/operations/cases/" + caseId + "/export"))
			.willReturn(okJson("{\"caseId\": \"" + caseId + "\", \"deadlines\": [{\"kind\": \"FILING\"}]}")));
		services.stubFor(get(urlPathMatching("/notify/api/v1/operations/cases/" + caseId + "/export"))
			.willReturn(aResponse().withStatus(503)));

		JsonNode partial = body(this.mvc.get().uri("/api/v1/cases/{id}/export", caseId).exchange());
		assertThat(partial.get("complete").asBoolean()).isFalse();
		assertThat(partial.get("missing").toString()).isEqualTo("[\"notify-service\"]");
		assertThat(partial.at("/case-service/applicant/name").asString()).isEqualTo(NAME);
		assertThat(partial.at("/case-service/household/0/name").asString()).isEqualTo(MEMBER);
		assertThat(partial.at("/deadline-service/state").asString()).isEqualTo("INCLUDED");
		assertThat(partial.at("/deadline-service/data/deadlines/0/kind").asString()).isEqualTo("FILING");
		assertThat(partial.at("/notify-service/state").asString()).isEqualTo("UNAVAILABLE");

		services.stubFor(get(urlPathMatching("/notify/api/v1/operations/cases/" + caseId + "/export"))
			.willReturn(aResponse().withStatus(404)));
		JsonNode whole = body(this.mvc.get().uri("/api/v1/cases/{id}/export", caseId).exchange());
		assertThat(whole.get("complete").asBoolean()).isTrue();
		assertThat(whole.at("/notify-service/state").asString()).isEqualTo("NOTHING_HELD");
		assertThat(actions(caseId)).contains("EXPORT");
	}

	@Test
	void erasesThePersonForGoodAndIdempotently() {
		String caseId = open();
		Document before = this.mongo.findById(caseId, Document.class, "cases");
		Document nameCiphertext = before.get("applicant", Document.class).get("name", Document.class);

		MvcTestResult erased = this.mvc.delete().uri("/api/v1/cases/{id}/person", caseId).exchange();
		assertThat(erased).hasStatusOk();
		String erasedAt = body(erased).get("erasedAt").asString();
		this.clock.set(MovableClock.START.plusSeconds(60));
		assertThat(
				body(this.mvc.delete().uri("/api/v1/cases/{id}/person", caseId).exchange()).get("erasedAt").asString())
			.isEqualTo(erasedAt);

		assertThat(this.mvc.get().uri("/api/v1/cases/{id}", caseId)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/cases/{id}/contact", caseId)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/cases/{id}/export", caseId)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post()
			.uri("/api/v1/cases/{id}/events", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\": \"APPLICATION_FILED\", \"filedOn\": \"2026-03-09\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.delete().uri("/api/v1/cases/{id}/person", "no-such-case")).hasStatus(HttpStatus.NOT_FOUND);

		assertThat(this.mongo.findById(caseId, Document.class, "person_keys")).isNull();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mongo.findById(caseId, Document.class, "cases"))
				.containsOnlyKeys("_id", "erasedAt", "outbox")
				.satisfies((tombstone) -> assertThat((List<?>) tombstone.get("outbox")).isEmpty()));
		// At least once: an event pending when the case was erased may go out twice, but
		// PersonErased comes last.
		List<ConsumerRecord<byte[], byte[]>> records = everyRecordOfTheCaseStream(caseId, 3);
		assertThat(new String(records.get(records.size() - 1).headers().lastHeader("ce_type").value(),
				StandardCharsets.UTF_8))
			.isEqualTo("org.plazo.case.person-erased.v1");
		assertThat(dumpOfEveryDatabase()).doesNotContain(PERSONAL);
		// A copy of the ciphertext kept anywhere (a backup) no longer decrypts: its key
		// is gone.
		assertThat(this.personKeys.existing(caseId)).isEmpty();
		assertThat(actions(caseId)).contains("OPEN", "ERASE");
		assertThat(nameCiphertext.get("ciphertext")).isInstanceOf(Binary.class);
	}

	@Test
	void erasesPeopleWhenTheRetentionPeriodAfterClosureRunsOut() {
		String caseId = open();
		assertThat(this.mvc.post()
			.uri("/api/v1/cases/{id}/events", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\": \"CASE_CLOSED\", \"reason\": \"WITHDRAWN\", \"closedOn\": \"2026-03-09\"}"))
			.hasStatus(HttpStatus.CREATED);
		String open = open();

		this.clock.set(Instant.parse("2028-03-08T15:00:00Z"));
		this.retention.run();
		assertThat(this.mvc.get().uri("/api/v1/cases/{id}/contact", caseId)).hasStatusOk();

		this.clock.set(Instant.parse("2028-03-10T15:00:00Z"));
		this.retention.run();
		assertThat(this.mvc.get().uri("/api/v1/cases/{id}/contact", caseId)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.personKeys.existing(caseId)).isEmpty();
		assertThat(this.mvc.get().uri("/api/v1/cases/{id}/contact", open)).hasStatusOk();
		JsonNode audit = body(this.mvc.get().uri("/api/v1/audit?caseId={id}&actor=system", caseId).exchange());
		assertThat(audit.at("/entries/0/action").asString()).isEqualTo("RETENTION_ERASE");
		assertThat(audit.at("/entries/0/at").asString()).isEqualTo("2028-03-10T15:00:00Z");
	}

	@Test
	void auditsEveryReadAndChangeAndAnswersOperatorsByCaseActorAndTime() {
		String caseId = open();
		this.clock.set(MovableClock.START.plusSeconds(3600));
		this.mvc.get()
			.uri("/api/v1/cases/{id}", caseId)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.viewer()))
			.exchange();
		this.mvc.get().uri("/api/v1/cases/{id}/events", caseId).exchange();
		this.mvc.get()
			.uri("/api/v1/cases/{id}/contact", caseId)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.service("notify-service", "contacts:read")))
			.exchange();

		assertThat(actions(caseId)).containsExactly("CONTACT_LOOKUP", "READ", "READ", "OPEN");
		JsonNode byActor = body(this.mvc.get()
			.uri("/api/v1/audit?caseId={id}&actor=dev-viewer&from=2026-03-10T15:30:00Z", caseId)
			.exchange());
		assertThat(byActor.get("total").asLong()).isEqualTo(1);
		assertThat(byActor.at("/entries/0/action").asString()).isEqualTo("READ");
		JsonNode before = body(
				this.mvc.get().uri("/api/v1/audit?caseId={id}&to=2026-03-10T15:30:00Z", caseId).exchange());
		assertThat(before.at("/entries/0/action").asString()).isEqualTo("OPEN");
		assertThat(before.at("/entries/0/actor").asString()).isEqualTo("dev-caseworker-ana");
		JsonNode paged = body(this.mvc.get().uri("/api/v1/audit?caseId={id}&size=2&page=1", caseId).exchange());
		assertThat(paged.get("entries")).hasSize(2);
		assertThat(paged.get("total").asLong()).isEqualTo(4);
		assertThat(dumpOf("case_audit")).doesNotContain(PERSONAL);
	}

	@Test
	void rotatesTheMasterKeyWithoutLosingWhatTheOldOneWrapped() {
		String before = open();
		int oldPrimary = this.masterKeys.primaryKeyId();
		byte[] importFile = this.masterKeys.encrypt(NAME.getBytes(StandardCharsets.UTF_8),
				MasterKeys.associatedData("imports", "import-1"));

		JsonNode rotation = body(this.mvc.post().uri("/api/v1/privacy/rotate-master-key").exchange());

		int newPrimary = rotation.get("primaryKeyId").asInt();
		assertThat(newPrimary).isNotEqualTo(oldPrimary);
		assertThat(rotation.get("previousPrimaryKeyId").asInt()).isEqualTo(oldPrimary);
		assertThat(rotation.get("wrappedUnderOtherKeys").asLong()).isZero();
		assertThat(this.masterKeys.keyIds()).contains(oldPrimary, newPrimary);
		assertThat(this.mongo.findAll(Document.class, "person_keys"))
			.allSatisfy((key) -> assertThat(key.getInteger("masterKeyId")).isEqualTo(newPrimary));
		assertThat(body(this.mvc.get().uri("/api/v1/cases/{id}", before).exchange()).at("/applicant/name").asString())
			.isEqualTo(NAME);
		// The keyset file holds both keys, so another instance or a restart reads both.
		assertThat(new MasterKeys(keys.resolve("master-keyset.json")).keyIds()).contains(oldPrimary, newPrimary);
		String after = open();
		assertThat(body(this.mvc.get().uri("/api/v1/cases/{id}", after).exchange()).at("/applicant/name").asString())
			.isEqualTo(NAME);
		// Data written under the old key before a re-wrap still reads once the old key is
		// the only one not primary.
		assertThatIllegalStateException()
			.isThrownBy(() -> this.masterKeys.decrypt(new byte[] { 1, 2, 3, 4, 5, 6 }, MasterKeys.associatedData("x")));
	}

	private String open() {
		MvcTestResult created = this.mvc.post()
			.uri("/api/v1/cases")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.caseworker("dev-caseworker-ana")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(OPEN)
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return body(created).get("caseId").asString();
	}

	private void rectify(String caseId) {
		assertThat(this.mvc.patch()
			.uri("/api/v1/cases/{id}/contact", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"phone": "%s", "email": null, "preferredLanguage": "fr", "preferredChannel": "SMS",
					 "consentToContact": true, "consentNoticeVersion": "2026-12"}
					""".formatted(NEW_PHONE))).hasStatusOk();
	}

	private List<String> actions(String caseId) {
		JsonNode page = body(this.mvc.get().uri("/api/v1/audit?caseId={id}", caseId).exchange());
		List<String> actions = new ArrayList<>();
		page.get("entries").forEach((entry) -> actions.add(entry.get("action").asString()));
		return actions;
	}

	/** A "backup": every document of every collection of every database, as JSON. */
	private static String dumpOfEveryDatabase() {
		StringBuilder dump = new StringBuilder();
		try (MongoClient client = MongoClients.create(mongoServer.getConnectionString())) {
			for (String database : client.listDatabaseNames()) {
				for (String collection : client.getDatabase(database).listCollectionNames()) {
					client.getDatabase(database)
						.getCollection(collection)
						.find()
						.forEach((document) -> dump.append(document.toJson()).append('\n'));
				}
			}
		}
		return dump.toString();
	}

	private String dumpOf(String collection) {
		StringBuilder dump = new StringBuilder();
		this.mongo.findAll(Document.class, collection).forEach((document) -> dump.append(document.toJson()));
		return dump.toString();
	}

	/**
	 * The case's records from the start of the case stream, as bytes: keys, values,
	 * headers.
	 */
	private List<ConsumerRecord<byte[], byte[]>> everyRecordOfTheCaseStream(String caseId, int atLeast) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				String.join(",", this.kafka.getBootstrapServers()), ConsumerConfig.GROUP_ID_CONFIG,
				"privacy-tests-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			Set<TopicPartition> partitions = new HashSet<>();
			consumer.partitionsFor(Topics.CASE_EVENTS)
				.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			// At least that many, and then everything up to the end of the stream.
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (caseId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
						records.add(record);
					}
				}
				return records.size() >= atLeast && partitions.stream()
					.allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
			});
		}
		return records;
	}

	private static String raw(List<ConsumerRecord<byte[], byte[]>> records) {
		StringBuilder raw = new StringBuilder();
		for (ConsumerRecord<byte[], byte[]> record : records) {
			raw.append(new String(record.value(), StandardCharsets.UTF_8));
			for (Header header : record.headers()) {
				raw.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
			}
		}
		return raw.toString();
	}

	private JsonNode body(MvcTestResult result) {
		try {
			return this.json.readTree(result.getResponse().getContentAsString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
