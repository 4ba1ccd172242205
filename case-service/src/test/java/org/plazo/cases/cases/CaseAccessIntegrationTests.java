package org.plazo.cases.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plazo.cases.CaseServiceApplication;
import org.plazo.cases.TestTokens;
import org.plazo.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who reaches which case, through the real filter chain, MongoDB and Kafka: a caseworker
 * asking for another caseworker's case, by any endpoint under
 * {@code /api/v1/cases/{caseId}}, hears exactly what an unknown id gets, and nothing is
 * stored or published; tokens that are missing or bad get 401, roles that may not write
 * 403.
 */
@SpringBootTest(classes = { CaseServiceApplication.class, TestClock.class },
		properties = "plazo.outbox.sweep-interval=PT1H")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = { Topics.CASE_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class CaseAccessIntegrationTests {

	static final String ANA = "dev-caseworker-ana";

	static final String BEN = "dev-caseworker-ben";

	static final String FACT = """
			{"type": "RESOLUTION_NOTIFIED", "resolutionId": "R-2026-0042", "outcome": "REJECTED",
			 "notifiedOn": "2026-03-06"}
			""";

	static final MongoServer mongoServer = new MongoServer(new MemoryBackend());

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Consumer<String, CloudEvent>> consumers = new ArrayList<>();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Cases cases;

	@Autowired
	MongoOperations mongo;

	@Autowired
	KafkaConnectionDetails kafka;

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
	void aCaseworkersCaseIsTheirsAndPublishedAsAssignedToThem() throws Exception {
		Consumer<String, CloudEvent> consumer = consumerAtEnd();

		String caseId = open(TestTokens.caseworker(BEN));

		assertThat(this.cases.findById(caseId).orElseThrow().caseworker()).isEqualTo(BEN);
		List<ConsumerRecord<String, CloudEvent>> records = CaseServiceIntegrationTests.recordsOf(consumer, caseId, 3);
		assertThat(records).extracting((record) -> CaseServiceIntegrationTests.header(record, "ce_type"))
			.containsExactly("org.plazo.case.opened.v1", "org.plazo.case.caseworker-assigned.v1",
					"org.plazo.case.contact-details-changed.v1");
		assertThat(data(records.get(1))).contains("\"caseworker\":\"" + BEN + "\"").doesNotContain("Prueba");
		assertThat(call(HttpMethod.GET, "/api/v1/cases/" + caseId, TestTokens.caseworker(BEN), null)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.caseworker")
			.isEqualTo(BEN);
		MvcTestResult asViewer = call(HttpMethod.GET, "/api/v1/cases/" + caseId, TestTokens.viewer(), null);
		assertThat(asViewer).hasStatusOk();
		assertThat(asViewer.getResponse().getContentAsString()).contains("\"caseworker\":\"" + BEN + "\"")
			.doesNotContain("Prueba", "+507");
		assertThat(call(HttpMethod.GET, "/api/v1/cases/" + caseId, TestTokens.operator(), null)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.applicant.phone")
			.isNotNull();
	}

	@Test
	void anotherCaseworkersCaseIsNotFoundOnEveryEndpointAndNothingChanges() {
		String ben = TestTokens.caseworker(BEN);
		String caseId = open(ben);
		String eventId = body(call(HttpMethod.GET, "/api/v1/cases/" + caseId, ben, null)).at("/facts/0/eventId")
			.asString();
		MvcTestResult assigned = call(HttpMethod.POST, "/api/v1/cases/" + caseId + "/assignments", ben,
				AssignmentControllerTests.ASSIGNMENT);
		assertThat(assigned).hasStatus(HttpStatus.CREATED);
		String assignmentId = body(assigned).get("assignmentId").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.cases.findById(caseId).orElseThrow().pendingEvents().isEmpty());
		Document before = stored(caseId);
		Consumer<String, CloudEvent> consumer = consumerAtEnd();

		String ana = TestTokens.caseworker(ANA);
		String noSuchCase = UUID.randomUUID().toString();
		List<Probe> probes = List.of(new Probe(HttpMethod.GET, "", null), new Probe(HttpMethod.GET, "/events", null),
				new Probe(HttpMethod.GET, "/events/" + eventId, null), new Probe(HttpMethod.POST, "/events", FACT),
				new Probe(HttpMethod.GET, "/assignments", null),
				new Probe(HttpMethod.POST, "/assignments",
						AssignmentControllerTests.ASSIGNMENT.replace("ngo-1", "ngo-2")),
				new Probe(HttpMethod.GET, "/assignments/" + assignmentId, null),
				new Probe(HttpMethod.DELETE, "/assignments/" + assignmentId, null),
				new Probe(HttpMethod.PUT, "/caseworker", "{\"caseworker\": \"" + ANA + "\"}"));
		for (Probe probe : probes) {
			MvcTestResult theirs = call(probe.method(), "/api/v1/cases/" + caseId + probe.path(), ana, probe.body());
			MvcTestResult unknown = call(probe.method(), "/api/v1/cases/" + noSuchCase + probe.path(), ana,
					probe.body());
			assertThat(theirs).as(probe.toString())
				.hasStatus(HttpStatus.NOT_FOUND)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(withoutInstance(body(theirs))).as(probe.toString()).isEqualTo(withoutInstance(body(unknown)));
		}

		assertThat(stored(caseId)).isEqualTo(before);
		// Ben's own next event is the first thing published for the case since.
		assertThat(call(HttpMethod.POST, "/api/v1/cases/" + caseId + "/events", ben, FACT))
			.hasStatus(HttpStatus.CREATED);
		assertThat(CaseServiceIntegrationTests.recordsUntil(consumer, caseId))
			.filteredOn((record) -> caseId.equals(record.key()))
			.extracting((record) -> CaseServiceIntegrationTests.header(record, "ce_type"))
			.containsExactly("org.plazo.case.resolution-notified.v1");
	}

	@Test
	void anOperatorGivesACaseToAnotherCaseworker() {
		Consumer<String, CloudEvent> consumer = consumerAtEnd();
		String caseId = open(TestTokens.caseworker(BEN));
		String reassign = "{\"caseworker\": \"" + ANA + "\"}";

		// Ben holds it, but may not give it away; nor may a viewer.
		assertThat(
				call(HttpMethod.PUT, "/api/v1/cases/" + caseId + "/caseworker", TestTokens.caseworker(BEN), reassign))
			.hasStatus(HttpStatus.FORBIDDEN)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(call(HttpMethod.PUT, "/api/v1/cases/" + caseId + "/caseworker", TestTokens.viewer(), reassign))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call(HttpMethod.PUT, "/api/v1/cases/" + caseId + "/caseworker", TestTokens.operator(), reassign))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.caseworker")
			.isEqualTo(ANA);

		assertThat(CaseServiceIntegrationTests.recordsOf(consumer, caseId, 4))
			.extracting((record) -> CaseServiceIntegrationTests.header(record, "ce_type"))
			.containsExactly("org.plazo.case.opened.v1", "org.plazo.case.caseworker-assigned.v1",
					"org.plazo.case.contact-details-changed.v1", "org.plazo.case.caseworker-assigned.v1");
		assertThat(call(HttpMethod.GET, "/api/v1/cases/" + caseId, TestTokens.caseworker(ANA), null)).hasStatusOk();
		assertThat(call(HttpMethod.GET, "/api/v1/cases/" + caseId, TestTokens.caseworker(BEN), null))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call(HttpMethod.PUT, "/api/v1/cases/" + caseId + "/caseworker", TestTokens.operator(), "{}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void anOperatorMayOpenACaseForACaseworkerOrForNobody() {
		String forAna = body(call(HttpMethod.POST, "/api/v1/cases", TestTokens.operator(),
				withCaseworker(CaseServiceIntegrationTests.CONTRACT, ANA)))
			.get("caseId")
			.asString();
		String forNobody = open(TestTokens.operator());

		assertThat(this.cases.findById(forAna).orElseThrow().caseworker()).isEqualTo(ANA);
		assertThat(this.cases.findById(forNobody).orElseThrow().caseworker()).isNull();
		assertThat(call(HttpMethod.GET, "/api/v1/cases/" + forAna, TestTokens.caseworker(ANA), null)).hasStatusOk();
		// Nobody's case: operators and viewers only.
		assertThat(call(HttpMethod.GET, "/api/v1/cases/" + forNobody, TestTokens.caseworker(ANA), null))
			.hasStatus(HttpStatus.NOT_FOUND);
		// A caseworker does not open cases for someone else.
		assertThat(call(HttpMethod.POST, "/api/v1/cases", TestTokens.caseworker(ANA),
				withCaseworker(CaseServiceIntegrationTests.CONTRACT, BEN)))
			.hasStatus(HttpStatus.FORBIDDEN)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesMissingMalformedForeignAndExpiredTokensWithAProblem() {
		long before = this.mongo.getCollection(Case.COLLECTION).countDocuments();
		List<String> bad = List.of("not-a-jwt", TestTokens.signedByAnotherKey(ANA, List.of("operator")),
				TestTokens.expired("dev-operator", List.of("operator")));

		List<MvcTestResult> answers = new ArrayList<>();
		answers.add(this.mvc.post()
			.uri("/api/v1/cases")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CaseServiceIntegrationTests.CONTRACT)
			.exchange());
		answers.add(this.mvc.get().uri("/api/v1/cases/{id}", "any").exchange());
		for (String token : bad) {
			answers.add(call(HttpMethod.POST, "/api/v1/cases", token, CaseServiceIntegrationTests.CONTRACT));
			answers.add(call(HttpMethod.GET, "/api/v1/imports/any", token, null));
		}

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
			assertThat(body(answer).get("type").asString()).isEqualTo("urn:plazo:problem:unauthorized");
		});
		assertThat(this.mongo.getCollection(Case.COLLECTION).countDocuments()).isEqualTo(before);
	}

	@Test
	void refusesWritesAndImportsToRolesWithoutTheRight() {
		long before = this.mongo.getCollection(Case.COLLECTION).countDocuments();

		MvcTestResult viewerOpens = call(HttpMethod.POST, "/api/v1/cases", TestTokens.viewer(),
				CaseServiceIntegrationTests.CONTRACT);
		MvcTestResult caseworkerImports = call(HttpMethod.GET, "/api/v1/imports/template.csv",
				TestTokens.caseworker(ANA), null);
		MvcTestResult serviceReads = call(HttpMethod.GET, "/api/v1/cases/any",
				TestTokens.service("notify-service", "contacts:read"), null);

		assertThat(List.of(viewerOpens, caseworkerImports, serviceReads)).allSatisfy((answer) -> {
			assertThat(answer).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(body(answer).get("type").asString()).isEqualTo("urn:plazo:problem:forbidden");
		});
		assertThat(call(HttpMethod.GET, "/api/v1/imports/template.csv", TestTokens.operator(), null)).hasStatusOk();
		assertThat(this.mongo.getCollection(Case.COLLECTION).countDocuments()).isEqualTo(before);
	}

	@Test
	void leavesHealthMetricsAndApiDocumentsOpen() {
		assertThat(this.mvc.get().uri("/actuator/health/liveness")).hasStatusOk();
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatusOk();
		assertThat(this.mvc.get().uri("/v3/api-docs")).hasStatusOk();
	}

	private String open(String token) {
		MvcTestResult created = call(HttpMethod.POST, "/api/v1/cases", token, CaseServiceIntegrationTests.CONTRACT);
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return body(created).get("caseId").asString();
	}

	private String withCaseworker(String request, String caseworker) {
		ObjectNode node = (ObjectNode) this.json.readTree(request);
		node.put("caseworker", caseworker);
		return node.toString();
	}

	private MvcTestResult call(HttpMethod method, String uri, String token, String body) {
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.method(method)
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return request.exchange();
	}

	/** The stored document as MongoDB holds it. */
	private Document stored(String caseId) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(caseId)), Document.class, Case.COLLECTION);
	}

	private JsonNode withoutInstance(JsonNode problem) {
		ObjectNode copy = ((ObjectNode) problem).deepCopy();
		copy.remove("instance");
		return copy;
	}

	private JsonNode body(MvcTestResult result) {
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	private static String data(ConsumerRecord<String, CloudEvent> record) {
		return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
	}

	private Consumer<String, CloudEvent> consumerAtEnd() {
		Consumer<String, CloudEvent> consumer = CaseServiceIntegrationTests
			.consumerAtEnd(String.join(",", this.kafka.getConsumer().getBootstrapServers()));
		this.consumers.add(consumer);
		return consumer;
	}

	record Probe(HttpMethod method, String path, String body) {

	}

}
