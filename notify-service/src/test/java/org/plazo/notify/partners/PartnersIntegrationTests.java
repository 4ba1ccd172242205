package org.plazo.notify.partners;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;
import org.plazo.events.Topics;
import org.plazo.notify.testing.TestTokens;
import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseAssigned;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.cases.ResolutionNotified;
import org.plazo.events.cases.ResolutionOutcome;
import org.plazo.events.cases.SharedData;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.notifications.NotificationSent;
import org.plazo.notify.partners.events.StoredEvent;
import org.plazo.notify.partners.net.HostResolver;
import org.plazo.notify.partners.net.TableResolver;
import org.plazo.notify.partners.webhooks.StandardWebhooksVerifier;
import org.plazo.notify.recipients.RecipientDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The partner features in the whole service: events in through the embedded Kafka broker
 * (KRaft), organisations and endpoints through the API, webhooks out to a WireMock
 * endpoint on loopback (allowed here by the dev flag), the Kafka feed and the calendar
 * feed. DNS is a table: no real lookups.
 */
@SpringBootTest(properties = { "plazo.partners.allow-http=true", "plazo.partners.allow-loopback=true",
		"plazo.partners.delivery.poll-interval=PT0.2S" })
@AutoConfigureMockMvc
@EmbeddedKafka(
		topics = { Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.PARTNER_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class PartnersIntegrationTests {

	static final String PHONE = "+50760001234";

	static final String EMAIL = "ana.prueba@example.org";

	static final MongoServer mongo = new MongoServer(new MemoryBackend());

	static final String mongoUri = mongo.bindAndGetConnectionString() + "/plazo-notify";

	static final WireMockServer wiremock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	static {
		wiremock.start();
		wiremock.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/.*"))
			.willReturn(aResponse().withStatus(204)));
	}

	private final EventCodec codec = new EventCodec();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	KafkaTemplate<String, CloudEvent> kafka;

	@Autowired
	KafkaConnectionDetails kafkaConnection;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	Clock clock;

	@Autowired
	MongoOperations mongoOperations;

	@Autowired
	org.plazo.notify.partners.ngos.CaseLinks caseLinks;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		registry.add("spring.mongodb.uri", () -> mongoUri);
		String outbox = Files.createTempDirectory("plazo-sms").resolve("outbox.jsonl").toString();
		registry.add("plazo.sms.dev.outbox", () -> outbox);
	}

	@AfterAll
	static void stop() {
		wiremock.stop();
	}

	@BeforeEach
	void listenersAreConsuming() {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !this.listeners.getListenerContainer("notify-partners").getAssignedPartitions().isEmpty());
	}

	@Test
	void anOrganisationWithoutConsentToContactDetailsGetsNoneAnywhereWhileOneWithConsentDoes() throws Exception {
		Partner with = register("Refugio Prueba", true);
		Partner without = register("Clínica Legal Prueba", true);
		String caseId = UUID.randomUUID().toString();
		publish(Topics.CASE_EVENTS, new CaseOpened(caseId, LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, PHONE,
				EMAIL, true, 1, Instant.parse("2026-03-02T15:00:00Z")));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recipients.find(caseId).isPresent());
		publish(Topics.CASE_EVENTS, assigned(caseId, with, SharedData.PROCEDURAL_EVENTS, SharedData.CONTACT_DETAILS));
		publish(Topics.CASE_EVENTS, assigned(caseId, without, SharedData.PROCEDURAL_EVENTS));
		// Topics are not ordered with each other: events of other streams follow once the
		// links are known.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(webhooks(with)).hasSize(1);
			assertThat(webhooks(without)).hasSize(1);
		});
		publish(Topics.CASE_EVENTS,
				new ResolutionNotified(caseId, "R-2026-0042", ResolutionOutcome.REJECTED, LocalDate.of(2026, 3, 6)));
		publish(Topics.DEADLINE_EVENTS,
				new DeadlineScheduled(caseId, caseId + ":RECONSIDERATION", "RECONSIDERATION", LocalDate.of(2026, 3, 13),
						Instant.parse("2026-03-13T21:00:00Z"), "reconsideration", "2026.1",
						"Ley 38 de 2000, art. 166"));
		publish(Topics.NOTIFICATION_EVENTS, new NotificationSent(caseId, caseId + ":RECONSIDERATION:P-3D:SMS",
				caseId + ":RECONSIDERATION:P-3D", "SMS", "dev-outbox", 1, Instant.parse("2026-03-10T12:00:00Z")));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(webhooks(with)).hasSize(4);
			assertThat(webhooks(without)).hasSize(4);
		});

		for (LoggedRequest request : webhooks(without)) {
			assertThat(request.getBodyAsString()).doesNotContain(PHONE, "50760001234", EMAIL, "ana.prueba",
					"Ana Prueba", caseId);
			assertThat(verifies(request, without)).isTrue();
		}
		for (LoggedRequest request : webhooks(with)) {
			JsonNode body = this.json.readTree(request.getBody());
			assertThat(body.at("/data/contact/phone").asString()).isEqualTo(PHONE);
			assertThat(body.at("/data/contact/email").asString()).isEqualTo(EMAIL);
			assertThat(request.getBodyAsString()).doesNotContain("Ana Prueba", caseId);
			assertThat(verifies(request, with)).isTrue();
		}
		assertThat(webhooks(with)).extracting((request) -> this.json.readTree(request.getBody()).get("type").asString())
			.containsExactlyInAnyOrder("org.plazo.case.assigned.v1", "org.plazo.case.resolution-notified.v1",
					"org.plazo.deadline.scheduled.v1", "org.plazo.notification.sent.v1");

		List<ConsumerRecord<String, byte[]>> feed = feedRecords(8);
		assertThat(feed).allSatisfy((record) -> {
			String everything = record.key() + new String(record.value(), StandardCharsets.UTF_8) + headersOf(record);
			assertThat(everything).doesNotContain(PHONE, "50760001234", EMAIL, "ana.prueba", "Ana Prueba", caseId);
		});
		assertThat(feed).extracting((record) -> header(record, "ce_plazongo"))
			.containsOnly(with.ngoId(), without.ngoId());
		assertThat(feed).extracting(ConsumerRecord::key).containsOnly(caseRef(with, feed), caseRef(without, feed));

		String withCalendar = calendar(with);
		String withoutCalendar = calendar(without);
		assertThat(withCalendar).contains("RECONSIDERATION", PHONE, EMAIL);
		assertThat(withoutCalendar).contains("RECONSIDERATION")
			.doesNotContain("50760001234", "ana.prueba", "Ana Prueba");
	}

	@Test
	void afterRevocationAnOrganisationIsToldAndReceivesNothingMore() {
		Partner partner = register("Refugio Prueba", false);
		String caseId = UUID.randomUUID().toString();
		publish(Topics.CASE_EVENTS, assigned(caseId, partner, SharedData.PROCEDURAL_EVENTS));
		publish(Topics.CASE_EVENTS,
				new AssignmentRevoked(caseId, "assignment-" + partner.ngoId(), partner.ngoId(), this.clock.instant()));
		// Another case of the organisation's still gets through.
		String other = UUID.randomUUID().toString();
		publish(Topics.CASE_EVENTS, assigned(other, partner, SharedData.PROCEDURAL_EVENTS));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(types(webhooks(partner))).containsExactlyInAnyOrder("org.plazo.case.assigned.v1",
							"org.plazo.case.assignment-revoked.v1", "org.plazo.case.assigned.v1"));
		String afterRevocation = publish(Topics.DEADLINE_EVENTS,
				new DeadlineScheduled(caseId, caseId + ":RECONSIDERATION", "RECONSIDERATION", LocalDate.of(2026, 3, 13),
						Instant.parse("2026-03-13T21:00:00Z"), "reconsideration", "2026.1",
						"Ley 38 de 2000, art. 166"));
		publish(Topics.DEADLINE_EVENTS,
				new DeadlineScheduled(other, other + ":APPEAL", "APPEAL", LocalDate.of(2026, 3, 20),
						Instant.parse("2026-03-20T21:00:00Z"), "appeal", "2026.1", "Ley 38 de 2000, art. 167"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(types(webhooks(partner))).contains("org.plazo.deadline.scheduled.v1"));
		// The revoked case's deadline was fanned out too (partitions are not ordered with
		// each other), to nobody.
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			StoredEvent kept = this.mongoOperations.findById(afterRevocation, StoredEvent.class);
			return kept != null && kept.fannedOut();
		});
		List<LoggedRequest> received = webhooks(partner);
		String revokedRef = received.stream()
			.map((request) -> this.json.readTree(request.getBody()))
			.filter((body) -> body.get("type").asString().equals("org.plazo.case.assignment-revoked.v1"))
			.map((body) -> body.get("subject").asString())
			.findFirst()
			.orElseThrow();
		assertThat(types(received)).containsOnlyOnce("org.plazo.deadline.scheduled.v1");
		assertThat(received)
			.filteredOn((request) -> types(List.of(request)).contains("org.plazo.deadline.scheduled.v1"))
			.singleElement()
			.satisfies((request) -> assertThat(this.json.readTree(request.getBody()).get("subject").asString())
				.isNotEqualTo(revokedRef));
		assertThat(this.mvc.get()
			.uri("/api/v1/partners/cases/{ref}", revokedRef)
			.header("Authorization", "Bearer " + partner.apiKey())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.active")
			.isEqualTo(false);
	}

	@Test
	void aLateCopyOfALinkDoesNotLinkARevokedOrganisationAgain() {
		Partner partner = register("Albergue Prueba", false);
		String caseId = UUID.randomUUID().toString();
		CaseAssigned link = assigned(caseId, partner, SharedData.PROCEDURAL_EVENTS);
		String linkId = publish(Topics.CASE_EVENTS, link);
		publish(Topics.CASE_EVENTS,
				new AssignmentRevoked(caseId, "assignment-" + partner.ngoId(), partner.ngoId(), this.clock.instant()));
		// The link is delivered again after its revocation (same id, same partition),
		// then
		// one more event of the case, which tells when the copy has been read.
		publish(Topics.CASE_EVENTS, link, linkId);
		String after = publish(Topics.CASE_EVENTS,
				new org.plazo.events.cases.ArrivalDateCorrected(caseId, LocalDate.of(2026, 3, 3)));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			StoredEvent kept = this.mongoOperations.findById(after, StoredEvent.class);
			return kept != null && kept.fannedOut();
		});

		assertThat(this.caseLinks.active(caseId, partner.ngoId())).isEmpty();
	}

	@Test
	void badEndpointsAreRefusedNamingTheField() {
		Partner partner = register("Refugio Prueba", false);

		assertInvalid(partner, "{\"url\": \"not a url\", \"eventTypes\": [\"*\"]}", "url");
		assertInvalid(partner, "{\"url\": \"https://10.0.0.5/hook\", \"eventTypes\": [\"*\"]}", "url");
		assertInvalid(partner, "{\"url\": \"https://169.254.169.254/latest\", \"eventTypes\": [\"*\"]}", "url");
		assertInvalid(partner, "{\"url\": \"https://internal.ong.test/hook\", \"eventTypes\": [\"*\"]}", "url");
		assertInvalid(partner,
				"{\"url\": \"" + url(partner) + "\", \"eventTypes\": [\"*\", \"org.plazo.case.eaten.v1\"]}",
				"eventTypes[1]");
		assertInvalid(partner, "{\"url\": \"" + url(partner) + "\", \"eventTypes\": []}", "eventTypes");
		List<String> refs = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			refs.add("\"cr_" + i + "\"");
		}
		assertInvalid(partner, "{\"url\": \"" + url(partner) + "\", \"eventTypes\": [\"*\"], \"caseRefs\": ["
				+ String.join(",", refs) + "]}", "caseRefs");
		assertInvalid(partner, "{\"url\": \"" + url(partner) + "\", \"eventTypes\": [\"*\"], \"description\": \""
				+ "x".repeat(201) + "\"}", "description");
		assertInvalid(partner, "{\"url\": \"" + url(partner) + "\", \"eventTypes\": \"*\"}", "eventTypes");
	}

	@Test
	void aWrongOrRevokedKeyIsUnauthorizedWithoutSayingWhy() {
		Partner partner = register("Refugio Prueba", false);
		String unknownNgo = "plz_nosuchorganisat_" + "A".repeat(43);
		String wrongSecret = partner.apiKey().substring(0, partner.apiKey().length() - 4) + "AAAA";
		List<MvcTestResult> answers = new ArrayList<>();
		for (String authorization : List.of("", "Bearer ", "Bearer " + unknownNgo, "Bearer " + wrongSecret,
				"Basic " + partner.apiKey(), "Bearer plz_garbage")) {
			answers.add(
					this.mvc.get().uri("/api/v1/partners/endpoints").header("Authorization", authorization).exchange());
		}
		assertThat(this.mvc.delete()
			.uri("/api/v1/partners/ngos/{id}/api-key", partner.ngoId())
			.header("Authorization", TestTokens.bearer(TestTokens.operator()))).hasStatus(HttpStatus.NO_CONTENT);
		answers.add(this.mvc.get()
			.uri("/api/v1/partners/endpoints")
			.header("Authorization", "Bearer " + partner.apiKey())
			.exchange());

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer).bodyJson().extractingPath("$.detail").isEqualTo("Valid credentials are required.");
			assertThat(answer.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
		});
		assertThat(this.mvc.post()
			.uri("/api/v1/partners/ngos")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Otra\", \"contactEmail\": \"avisos@otra.example.org\"}"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.post()
			.uri("/api/v1/partners/ngos")
			.header("Authorization", TestTokens.bearer(TestTokens.caseworker(TestTokens.ANA)))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Otra\", \"contactEmail\": \"avisos@otra.example.org\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void oneOrganisationCannotSeeOrChangeAnothersEndpointsDeliveriesOrCases() {
		Partner owner = register("Refugio Prueba", false);
		Partner other = register("Clínica Legal Prueba", false);
		String endpointId = this.json.readTree(endpoint(owner, "[\"*\"]").getResponse().getContentAsByteArray())
			.get("endpointId")
			.asString();
		String caseId = UUID.randomUUID().toString();
		publish(Topics.CASE_EVENTS, assigned(caseId, owner, SharedData.PROCEDURAL_EVENTS));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhooks(owner)).isNotEmpty());
		String caseRef = caseRef(owner, webhooks(owner));

		String bearer = "Bearer " + other.apiKey();
		assertThat(this.mvc.get().uri("/api/v1/partners/endpoints/{id}", endpointId).header("Authorization", bearer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.put()
			.uri("/api/v1/partners/endpoints/{id}", endpointId)
			.header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\": \"" + url(other) + "\", \"eventTypes\": [\"*\"]}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.delete().uri("/api/v1/partners/endpoints/{id}", endpointId).header("Authorization", bearer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post()
			.uri("/api/v1/partners/endpoints/{id}/secret/rotate", endpointId)
			.header("Authorization", bearer)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get()
			.uri("/api/v1/partners/endpoints/{id}/deliveries", endpointId)
			.header("Authorization", bearer)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post()
			.uri("/api/v1/partners/endpoints/{id}/replay", endpointId)
			.header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"since\": \"2026-01-01T00:00:00Z\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post()
			.uri("/api/v1/partners/endpoints/{id}/enable", endpointId)
			.header("Authorization", bearer)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/partners/cases/{ref}", caseRef).header("Authorization", bearer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/partners/cases").header("Authorization", bearer)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.length()")
			.asNumber()
			.isEqualTo(0);

		String ownerBearer = "Bearer " + owner.apiKey();
		// Nothing the other organisation tried changed the owner's endpoint.
		assertThat(
				this.mvc.get().uri("/api/v1/partners/endpoints/{id}", endpointId).header("Authorization", ownerBearer))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.url")
			.isEqualTo(url(owner));
		assertThat(this.mvc.get().uri("/api/v1/partners/cases/{ref}", caseRef).header("Authorization", ownerBearer))
			.hasStatusOk();
		assertThat(this.mvc.get()
			.uri("/api/v1/partners/endpoints/{id}/deliveries", endpointId)
			.header("Authorization", ownerBearer)).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].log[0].statusCode")
			.isEqualTo(204);
	}

	@Test
	void aReplaySendsAgainWhatTheEndpointWouldReceiveNow() {
		Partner partner = register("Refugio Prueba", false);
		Instant since = this.clock.instant().minusSeconds(1);
		String caseId = UUID.randomUUID().toString();
		publish(Topics.CASE_EVENTS, assigned(caseId, partner, SharedData.PROCEDURAL_EVENTS));
		publish(Topics.CASE_EVENTS,
				new ResolutionNotified(caseId, "R-2026-0042", ResolutionOutcome.REJECTED, LocalDate.of(2026, 3, 6)));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhooks(partner)).hasSize(2));
		String endpointId = partner.endpointId();

		MvcTestResult replay = this.mvc.post()
			.uri("/api/v1/partners/endpoints/{id}/replay", endpointId)
			.header("Authorization", "Bearer " + partner.apiKey())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"since\": \"" + since + "\"}")
			.exchange();

		assertThat(replay).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.events").isEqualTo(2);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhooks(partner)).hasSize(4));
		List<LoggedRequest> all = webhooks(partner);
		assertThat(all.get(2).getHeader("webhook-id")).isNotEqualTo(all.get(0).getHeader("webhook-id"));
		assertThat(List.of(id(all.get(2)), id(all.get(3)))).containsExactlyInAnyOrder(id(all.get(0)), id(all.get(1)));
		assertThat(this.mvc.post()
			.uri("/api/v1/partners/endpoints/{id}/replay", endpointId)
			.header("Authorization", "Bearer " + partner.apiKey())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"since\": \"2020-01-01T00:00:00Z\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("since");
	}

	private Partner register(String name, boolean kafkaFeed) {
		MvcTestResult registered = this.mvc.post()
			.uri("/api/v1/partners/ngos")
			.header("Authorization", TestTokens.bearer(TestTokens.operator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"contactEmail\": \"avisos@ong.example.org\", \"kafkaFeed\": "
					+ kafkaFeed + "}")
			.exchange();
		assertThat(registered).hasStatus(HttpStatus.CREATED);
		JsonNode body = this.json.readTree(registered.getResponse().getContentAsByteArray());
		Partner partner = new Partner(body.get("ngoId").asString(), body.get("apiKey").asString(), null, null);
		assertThat(partner.apiKey()).startsWith("plz_" + partner.ngoId() + "_");
		MvcTestResult endpoint = endpoint(partner, "[\"*\"]");
		assertThat(endpoint).hasStatus(HttpStatus.CREATED);
		JsonNode created = this.json.readTree(endpoint.getResponse().getContentAsByteArray());
		assertThat(created.get("secret").asString()).startsWith("whsec_");
		return new Partner(partner.ngoId(), partner.apiKey(), created.get("endpointId").asString(),
				created.get("secret").asString());
	}

	private MvcTestResult endpoint(Partner partner, String eventTypes) {
		return this.mvc.post()
			.uri("/api/v1/partners/endpoints")
			.header("Authorization", "Bearer " + partner.apiKey())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\": \"" + url(partner) + "\", \"eventTypes\": " + eventTypes + "}")
			.exchange();
	}

	private void assertInvalid(Partner partner, String body, String field) {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/partners/endpoints")
			.header("Authorization", "Bearer " + partner.apiKey())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).as(body)
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
		assertThat(result).bodyText().doesNotContain("10.0.0.5", "169.254.169.254");
	}

	private String calendar(Partner partner) throws Exception {
		MvcTestResult issued = this.mvc.post()
			.uri("/api/v1/partners/calendar")
			.header("Authorization", "Bearer " + partner.apiKey())
			.exchange();
		assertThat(issued).hasStatus(HttpStatus.CREATED);
		String url = this.json.readTree(issued.getResponse().getContentAsByteArray()).get("url").asString();
		String path = URI.create(url).getPath();
		MvcTestResult calendar = this.mvc.get().uri(path).exchange();
		assertThat(calendar).hasStatusOk();
		assertThat(calendar.getResponse().getContentType()).startsWith("text/calendar");
		String ics = calendar.getResponse().getContentAsString(StandardCharsets.UTF_8).replace("\r\n ", "");
		assertThat(this.mvc.delete()
			.uri("/api/v1/partners/calendar")
			.header("Authorization", "Bearer " + partner.apiKey())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.get().uri(path)).hasStatus(HttpStatus.NOT_FOUND);
		return ics;
	}

	private CaseAssigned assigned(String caseId, Partner partner, SharedData... shared) {
		return new CaseAssigned(caseId, "assignment-" + partner.ngoId(), partner.ngoId(), List.of(shared),
				this.clock.instant().minusSeconds(60), "caseworker-17", "2026-03", this.clock.instant());
	}

	private String publish(String topic, PlazoEvent event) {
		return publish(topic, event, UUID.randomUUID().toString());
	}

	private String publish(String topic, PlazoEvent event, String id) {
		assertThat(EventCatalog.of(event).topic()).isEqualTo(topic);
		CloudEvent cloudEvent = this.codec.toCloudEvent(event, URI.create("urn:plazo:test"), id,
				OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		this.kafka.send(new ProducerRecord<>(topic, event.caseId(), cloudEvent)).join();
		return cloudEvent.getId();
	}

	private static String url(Partner partner) {
		return "http://hooks.ong.test:" + wiremock.port() + "/" + partner.ngoId();
	}

	private static List<LoggedRequest> webhooks(Partner partner) {
		List<LoggedRequest> requests = new ArrayList<>(
				wiremock.findAll(postRequestedFor(urlEqualTo("/" + partner.ngoId()))));
		requests.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
		return requests;
	}

	private List<String> types(List<LoggedRequest> requests) {
		return requests.stream()
			.map((request) -> this.json.readTree(request.getBody()).get("type").asString())
			.toList();
	}

	private String id(LoggedRequest request) {
		return this.json.readTree(request.getBody()).get("id").asString();
	}

	private String caseRef(Partner partner, List<LoggedRequest> requests) {
		return this.json.readTree(requests.get(0).getBody()).get("subject").asString();
	}

	private String caseRef(Partner partner, java.util.Collection<ConsumerRecord<String, byte[]>> feed) {
		return feed.stream()
			.filter((record) -> partner.ngoId().equals(header(record, "ce_plazongo")))
			.map(ConsumerRecord::key)
			.findFirst()
			.orElseThrow();
	}

	private boolean verifies(LoggedRequest request, Partner partner) {
		return new StandardWebhooksVerifier(partner.secret()).verify(request.getHeader("webhook-id"),
				request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"), request.getBody(),
				this.clock.instant());
	}

	private List<ConsumerRecord<String, byte[]>> feedRecords(int atLeast) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
						String.join(",", this.kafkaConnection.getBootstrapServers())),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.PARTNER_EVENTS)
				.stream()
				.map((info) -> new TopicPartition(Topics.PARTNER_EVENTS, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= atLeast;
			});
			return records;
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return (record.headers().lastHeader(name) != null)
				? new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8) : null;
	}

	private static String headersOf(ConsumerRecord<String, byte[]> record) {
		StringBuilder all = new StringBuilder();
		record.headers()
			.forEach((h) -> all.append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8)));
		return all.toString();
	}

	record Partner(String ngoId, String apiKey, String endpointId, String secret) {

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Dns {

		@Bean
		@Primary
		HostResolver tableResolver() {
			return new TableResolver().answer("hooks.ong.test", "127.0.0.1").answer("internal.ong.test", "10.0.0.5");
		}

	}

}
