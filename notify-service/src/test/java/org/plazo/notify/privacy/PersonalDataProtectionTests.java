package org.plazo.notify.privacy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;
import org.plazo.events.Topics;
import org.plazo.notify.testing.TestTokens;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.cases.ContactDetailsChanged;
import org.plazo.events.cases.PersonErased;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.conversations.TwoWaySms;
import org.plazo.notify.recipients.RecipientDirectory;
import org.plazo.notify.sms.InboundSms;
import org.plazo.notify.testing.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data in the whole service: contact details learnt from case-service's lookup
 * (played by WireMock, with the token issuer) over real HTTP, encrypted at rest, found by
 * keyed hash, exported and erased. Invented people only.
 */
@SpringBootTest(properties = "plazo.notify.deferred.poll-interval=PT0.2S")
@AutoConfigureMockMvc
@EmbeddedKafka(topics = { Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class PersonalDataProtectionTests {

	/** 10:00 in Panama, outside quiet hours. */
	static final Instant MORNING = Instant.parse("2026-09-01T15:00:00Z");

	// The invented person.
	static final String PHONE = "+50760009876";

	static final String SECOND_PHONE = "+50760005432";

	static final String EMAIL = "ana.prueba.invent@example.org";

	static final String NAME = "Anastasia Inventada";

	static final MongoServer mongoServer = new MongoServer(new MemoryBackend());

	static final String mongoUri = mongoServer.bindAndGetConnectionString() + "/plazo-notify";

	/** The token issuer and case-service. */
	static final WireMockServer caseService = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	static final Path smsOutbox;

	static {
		caseService.start();
		try {
			smsOutbox = Files.createTempDirectory("plazo-sms").resolve("outbox.jsonl");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private final EventCodec codec = new EventCodec();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MongoOperations mongo;

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	TwoWaySms conversations;

	@Autowired
	KafkaTemplate<String, CloudEvent> kafka;

	@Autowired
	MutableClock clock;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> mongoUri);
		registry.add("plazo.sms.dev.outbox", smsOutbox::toString);
		registry.add("plazo.recipients.case-service-url", caseService::baseUrl);
		registry.add("plazo.recipients.token-uri", () -> caseService.baseUrl() + "/oauth2/token");
	}

	@BeforeEach
	void reset() {
		this.clock.set(MORNING);
		caseService.resetAll();
		// Shorter than the client's 60 s of clock skew: every lookup asks for a token.
		caseService.stubFor(post(urlEqualTo("/oauth2/token"))
			.willReturn(okJson("{\"access_token\":\"token-for-notify\",\"token_type\":\"Bearer\",\"expires_in\":30}")));
	}

	@Test
	void learnsContactDetailsFromTheLookupWithItsOwnToken() {
		String caseId = newCaseId();
		stubContact(caseId, PHONE, EMAIL);

		publish(caseId, opened(caseId, null, null));

		await().untilAsserted(() -> assertThat(this.recipients.find(caseId)).hasValueSatisfying((recipient) -> {
			assertThat(recipient.phone()).isEqualTo(PHONE);
			assertThat(recipient.email()).isEqualTo(EMAIL);
			assertThat(recipient.language()).isEqualTo("fr");
		}));
		caseService.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
			.withRequestBody(containing("grant_type=client_credentials"))
			.withRequestBody(containing("scope=contacts%3Aread")));
		caseService.verify(getRequestedFor(urlEqualTo(contactPath(caseId))).withHeader("Authorization",
				equalTo("Bearer token-for-notify")));
		assertThat(this.recipients.findByPhone(PHONE)).extracting((recipient) -> recipient.caseId()).contains(caseId);
	}

	@Test
	void waitsForCaseServiceThroughErrorsAndRefusedConnectionsSoNothingIsLost() {
		String caseId = newCaseId();
		String path = contactPath(caseId);
		caseService.stubFor(get(urlEqualTo(path)).inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("reset"));
		caseService.stubFor(get(urlEqualTo(path)).inScenario("outage")
			.whenScenarioStateIs("reset")
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("back"));
		caseService.stubFor(get(urlEqualTo(path)).inScenario("outage")
			.whenScenarioStateIs("back")
			.willReturn(okJson(contactJson(caseId, PHONE, null))));

		publish(caseId, opened(caseId, null, null));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.recipients.find(caseId))
				.hasValueSatisfying((recipient) -> assertThat(recipient.phone()).isEqualTo(PHONE)));
		caseService.verify(3, getRequestedFor(urlEqualTo(path)));
	}

	@Test
	void contactDetailsGoneAtCaseServiceLeaveNoRecipient() {
		String caseId = newCaseId();
		// A record written before the upgrade: applied without a lookup.
		publish(caseId, opened(caseId, PHONE, EMAIL));
		await().until(() -> this.recipients.find(caseId).isPresent());
		caseService.verify(0, getRequestedFor(urlEqualTo(contactPath(caseId))));
		caseService.stubFor(get(urlEqualTo(contactPath(caseId))).willReturn(aResponse().withStatus(404)));

		publish(caseId, new ContactDetailsChanged(caseId, MORNING));

		await().until(() -> this.recipients.find(caseId).isEmpty());
		assertThat(this.mongo.getCollection("recipients").countDocuments(new Document("_id", caseId))).isZero();
	}

	@Test
	void storesNoPersonalDataInTheClearExportsItAndErasesIt() throws Exception {
		String caseId = newCaseId();
		stubContact(caseId, PHONE, EMAIL);
		publish(caseId, opened(caseId, null, null));
		await().until(() -> this.recipients.find(caseId).isPresent());
		// The person texts: a language, and a self-registration from a second phone, with
		// their name in the text.
		texts(PHONE, "ES");
		texts(SECOND_PHONE, "REGISTRO 15/03/2026 soy " + NAME);
		String reminderId = caseId + ":FILING_WINDOW:P-30D";
		publish(caseId,
				new ReminderDue(caseId, reminderId, caseId + ":FILING_WINDOW", "FILING_WINDOW",
						LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"), "Decreto Ejecutivo 5 de 2018",
						MORNING));
		await().untilAsserted(() -> assertThat(smsLines()).anyMatch((line) -> line.contains(reminderId)));

		assertThat(rawDocuments()).as("every collection, read with the driver")
			.isNotEmpty()
			.noneMatch(PersonalDataProtectionTests::holdsThePerson);
		MvcTestResult export = this.mvc.get()
			.uri("/api/v1/operations/cases/{caseId}/export", caseId)
			.header("Authorization", TestTokens.bearer(TestTokens.operator()))
			.exchange();
		assertThat(export).hasStatusOk();
		assertThat(export).bodyJson().extractingPath("$.recipient.phone").isEqualTo(PHONE);
		assertThat(export).bodyJson().extractingPath("$.recipient.email").isEqualTo(EMAIL);
		assertThat(export).bodyJson().extractingPath("$.recipient.language").isEqualTo("es");
		assertThat(export).bodyJson().extractingPath("$.notifications[0].status").isEqualTo("SENT");
		assertThat(export).bodyJson().extractingPath("$.notifications[0].channel").isEqualTo("SMS");

		publish(caseId, new PersonErased(caseId, MORNING));

		await().until(() -> this.recipients.find(caseId).isEmpty());
		assertThat(this.mongo.getCollection("person_keys").countDocuments(new Document("_id", caseId))).isZero();
		assertThat(this.recipients.findByPhone(PHONE)).extracting((recipient) -> recipient.caseId())
			.doesNotContain(caseId);
		assertThat(this.mongo.getCollection("notifications").find(new Document("caseId", caseId)))
			.allSatisfy((notification) -> assertThat(notification).doesNotContainKeys("kind", "lastDay", "dueAt",
					"legalBasis"));
		assertThat(this.mvc.get()
			.uri("/api/v1/operations/cases/{caseId}/export", caseId)
			.header("Authorization", TestTokens.bearer(TestTokens.operator()))).hasStatus(404);

		// A reminder arriving after the erasure sends nothing; one of another case on the
		// same partition, after it, shows it was processed.
		int sent = smsLines().size();
		String otherCase = newCaseId();
		publish(otherCase, opened(otherCase, SECOND_PHONE, null));
		await().until(() -> this.recipients.find(otherCase).isPresent());
		publish(caseId, new ReminderDue(caseId, caseId + ":APPEAL:P-1D", caseId + ":APPEAL", "APPEAL",
				LocalDate.of(2026, 9, 2), Instant.parse("2026-09-02T21:00:00Z"), "Ley 38 de 2000", MORNING));
		String marker = otherCase + ":FILING_WINDOW:P-30D";
		this.kafka
			.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS, caseId,
					cloudEvent(new ReminderDue(otherCase, marker, otherCase + ":FILING_WINDOW", "FILING_WINDOW",
							LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"),
							"Decreto Ejecutivo 5 de 2018", MORNING))))
			.join();
		await().untilAsserted(() -> assertThat(smsLines()).anyMatch((line) -> line.contains(marker)));
		assertThat(smsLines().subList(sent, smsLines().size())).noneMatch((line) -> line.contains(caseId));
		assertThat(this.mongo.getCollection("notifications")
			.countDocuments(new Document("_id", caseId + ":APPEAL:P-1D:SMS"))).isZero();
		// A replayed CaseOpened does not bring the person back.
		publish(caseId, opened(caseId, PHONE, EMAIL));
		publish(caseId, new ContactDetailsChanged(caseId, MORNING));
		publish(caseId, new ContactDetailsChanged(otherCase, MORNING));
		await().until(() -> caseService.findAll(getRequestedFor(urlEqualTo(contactPath(otherCase)))).size() == 1);
		assertThat(this.recipients.find(caseId)).isEmpty();
	}

	private static boolean holdsThePerson(String json) {
		return json.contains(PHONE) || json.contains(PHONE.substring(1)) || json.contains("60009876")
				|| json.contains(SECOND_PHONE) || json.contains("60005432") || json.contains(EMAIL)
				|| json.toUpperCase().contains(NAME.toUpperCase()) || json.toUpperCase().contains("INVENTADA");
	}

	private List<String> rawDocuments() {
		List<String> documents = new ArrayList<>();
		for (String collection : this.mongo.getCollectionNames()) {
			this.mongo.getCollection(collection).find().forEach((document) -> documents.add(document.toJson()));
		}
		return documents;
	}

	private void texts(String from, String text) {
		this.conversations.onInbound(new InboundSms("twilio", from, text, MORNING));
	}

	private static List<String> smsLines() throws java.io.IOException {
		return Files.exists(smsOutbox) ? Files.readAllLines(smsOutbox, StandardCharsets.UTF_8) : List.of();
	}

	private static void stubContact(String caseId, String phone, String email) {
		caseService.stubFor(
				get(urlEqualTo(contactPath(caseId))).withHeader("Authorization", equalTo("Bearer token-for-notify"))
					.willReturn(okJson(contactJson(caseId, phone, email))));
	}

	private static String contactJson(String caseId, String phone, String email) {
		return "{\"caseId\":\"" + caseId + "\",\"phone\":" + quoted(phone) + ",\"email\":" + quoted(email)
				+ ",\"preferredLanguage\":\"fr\",\"preferredChannel\":\"SMS\",\"consentToContact\":true,"
				+ "\"consentNoticeVersion\":\"2026-01\"}";
	}

	private static String quoted(String value) {
		return (value != null) ? "\"" + value + "\"" : "null";
	}

	private static String contactPath(String caseId) {
		return "/api/v1/cases/" + caseId + "/contact";
	}

	private static CaseOpened opened(String caseId, String phone, String email) {
		return new CaseOpened(caseId, LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, phone, email, true, 0,
				Instant.parse("2026-03-02T15:00:00Z"));
	}

	private void publish(String key, PlazoEvent event) {
		String topic = (event instanceof ReminderDue) ? Topics.DEADLINE_EVENTS : Topics.CASE_EVENTS;
		this.kafka.send(new ProducerRecord<>(topic, key, cloudEvent(event))).join();
	}

	private CloudEvent cloudEvent(PlazoEvent event) {
		return this.codec.toCloudEvent(event, URI.create("urn:plazo:test"), UUID.randomUUID().toString(),
				Instant.now().atOffset(ZoneOffset.UTC));
	}

	private static String newCaseId() {
		return "case-" + UUID.randomUUID();
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock movableClock() {
			return new MutableClock(MORNING);
		}

	}

}
