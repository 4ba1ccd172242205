package org.plazo.notify.operations;

import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.deadlines.DeadlineProjection;
import org.plazo.notify.notifications.ReminderDelivery;
import org.plazo.notify.recipients.RecipientDirectory;
import org.plazo.notify.sms.twilio.TwilioFixtures;
import org.plazo.notify.testing.MutableClock;
import org.plazo.notify.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * The operations API in the whole service: the embedded Kafka broker (KRaft), the
 * MongoDB-wire stand-in, and Twilio played by WireMock, so that a retry is counted where
 * it matters, in requests reaching the provider. Invented people only.
 */
@SpringBootTest(properties = { "plazo.notify.deferred.poll-interval=PT0.2S", "plazo.sms.provider=twilio",
		"plazo.sms.twilio.account-sid=" + TwilioFixtures.ACCOUNT_SID,
		"plazo.sms.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN, "plazo.sms.twilio.from=" + TwilioFixtures.FROM,
		"plazo.sms.twilio.public-url=" + TwilioFixtures.PUBLIC_URL, "plazo.sms.twilio.segments-per-second=100",
		"plazo.sms.twilio.burst=100" })
@AutoConfigureMockMvc
@EmbeddedKafka(
		topics = { Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.PARTNER_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class NotifyOperationsTests {

	static final String OPERATOR = TestTokens.bearer(TestTokens.operator());

	/** 10:00 in Panama, outside quiet hours. */
	static final Instant MORNING = Instant.parse("2026-09-01T15:00:00Z");

	static final String MESSAGES = "/2010-04-01/Accounts/" + TwilioFixtures.ACCOUNT_SID + "/Messages.json";

	static final MongoServer mongoServer = new MongoServer(new MemoryBackend());

	static final String mongoUri = mongoServer.bindAndGetConnectionString() + "/plazo-notify";

	static final WireMockServer twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	static {
		twilio.start();
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MongoOperations mongo;

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	ReminderDelivery delivery;

	@Autowired
	DeadlineProjection deadlines;

	@Autowired
	MutableClock clock;

	@Autowired
	KafkaConnectionDetails kafkaConnection;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> mongoUri);
		registry.add("plazo.sms.twilio.api-url", twilio::baseUrl);
	}

	@BeforeEach
	void reset() {
		this.clock.set(MORNING);
		twilio.resetAll();
		this.mongo.getCollection(Stored.NOTIFICATIONS).deleteMany(new Document());
		this.mongo.getCollection(OperationsAudit.COLLECTION).deleteMany(new Document());
	}

	@Test
	void retryOfAFailedSmsSendsExactlyOneMoreRequestToTheProviderAndIsAudited() throws Exception {
		this.recipients.register(new CaseOpened("case-retry", LocalDate.of(2026, 8, 1), "es", ContactChannel.SMS,
				"+50760001234", null, true, 0, MORNING));
		// Twilio refuses the number for good: the notification fails.
		twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\",\"status\":400}")));
		ReminderDue reminder = reminder("case-retry");
		this.delivery.deliver(reminder);
		String id = reminder.reminderId() + ":SMS";
		assertThat(status(id)).isEqualTo("FAILED");
		twilio.resetAll();
		twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM0123\",\"status\":\"queued\",\"num_segments\":\"2\"}")));

		MvcTestResult first = retry(id, "op.maria");
		MvcTestResult second = retry(id, "op.jose");

		assertThat(first).hasStatus(HttpStatus.ACCEPTED);
		assertThat(first).bodyJson().extractingPath("$.status").isEqualTo("DEFERRED");
		assertThat(second).hasStatus(HttpStatus.CONFLICT);
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(id)));
		// Whatever else polls now finds nothing more to send.
		this.delivery.sendDue(100);
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
		List<Document> audit = this.mongo.getCollection(OperationsAudit.COLLECTION)
			.find()
			.into(new java.util.ArrayList<>());
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).getString("actor")).isEqualTo("dev-operator");
		assertThat(audit.get(0).getString("onBehalfOf")).isEqualTo("op.maria");
		assertThat(audit.get(0).getString("action")).isEqualTo("RETRY_NOTIFICATION");
		assertThat(audit.get(0).getString("target")).isEqualTo(id);

		MvcTestResult timeline = this.mvc.get()
			.uri("/api/v1/operations/cases/case-retry/notifications")
			.header(HttpHeaders.AUTHORIZATION, OPERATOR)
			.exchange();
		assertThat(timeline).hasStatusOk();
		assertThat(timeline).bodyJson().extractingPath("$.notifications[0].status").isEqualTo("SENT");
		assertThat(timeline).bodyJson().extractingPath("$.notifications[0].attempts").asNumber().isEqualTo(2);
		assertThat(timeline).bodyJson().extractingPath("$.retries[0].actor").isEqualTo("dev-operator");
		assertThat(timeline).bodyJson().extractingPath("$.retries[0].onBehalfOf").isEqualTo("op.maria");
		assertThat(timeline.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.doesNotContain("+50760001234");
	}

	@Test
	void aFailureThePersonChoseIsNotRetried() {
		this.recipients.register(new CaseOpened("case-stop", LocalDate.of(2026, 8, 1), "es", ContactChannel.SMS,
				"+50760001235", null, false, 0, MORNING));
		ReminderDue reminder = reminder("case-stop");
		this.delivery.deliver(reminder);
		String id = reminder.reminderId() + ":SMS";

		MvcTestResult result = retry(id, "op.maria");

		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(status(id)).isEqualTo("FAILED");
		twilio.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));
		assertThat(this.mongo.getCollection(OperationsAudit.COLLECTION).countDocuments()).isZero();
	}

	@Test
	void listsSmsWithoutADeliveryReceiptAfterSixHours() {
		this.recipients.register(new CaseOpened("case-quiet", LocalDate.of(2026, 8, 1), "es", ContactChannel.SMS,
				"+50760001236", null, true, 0, MORNING));
		twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM0456\",\"status\":\"queued\",\"num_segments\":\"1\"}")));
		this.delivery.deliver(reminder("case-quiet"));

		MvcTestResult early = unacknowledged("PT6H");
		this.clock.advance(Duration.ofHours(7));
		MvcTestResult late = unacknowledged("PT6H");

		assertThat(early).bodyJson().extractingPath("$.length()").asNumber().isEqualTo(0);
		assertThat(late).bodyJson().extractingPath("$[0].caseId").isEqualTo("case-quiet");
		assertThat(late).bodyJson().extractingPath("$[0].provider").isEqualTo("twilio");
		// A filing-window reminder a month ahead is not critical.
		assertThat(unacknowledged("PT6H&critical=true")).bodyJson()
			.extractingPath("$.length()")
			.asNumber()
			.isEqualTo(0);
	}

	@Test
	void listsPeopleWhoOptedOutWhileAnAppealTermRuns() {
		this.recipients.register(new CaseOpened("case-appeal", LocalDate.of(2026, 1, 5), "es", ContactChannel.SMS,
				"+50760001237", null, true, 0, MORNING));
		this.recipients.register(new CaseOpened("case-calm", LocalDate.of(2026, 1, 5), "es", ContactChannel.SMS,
				"+50760001238", null, true, 0, MORNING));
		this.deadlines.apply(new DeadlineScheduled("case-appeal", "case-appeal:APPEAL", "APPEAL",
				LocalDate.of(2026, 9, 4), Instant.parse("2026-09-04T21:00:00Z"), "appeal", "2026.1", "Ley 81"));
		this.deadlines.apply(new DeadlineScheduled("case-calm", "case-calm:APPEAL", "APPEAL", LocalDate.of(2026, 9, 4),
				Instant.parse("2026-09-04T21:00:00Z"), "appeal", "2026.1", "Ley 81"));
		this.recipients.optOut("+50760001237", "BAJA");

		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/operations/at-risk/opted-out")
			.header(HttpHeaders.AUTHORIZATION, OPERATOR)
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.length()").asNumber().isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$[0].caseId").isEqualTo("case-appeal");
		assertThat(result).bodyJson().extractingPath("$[0].deadlineKind").isEqualTo("APPEAL");
		assertThat(result).bodyJson().extractingPath("$[0].dueDate").isEqualTo("2026-09-04");
		assertThat(result).bodyJson().extractingPath("$[0].optedOutAt").isEqualTo("2026-09-01T15:00:00Z");
	}

	@Test
	void showsEndpointHealthFailedDeliveriesAndLatencyFromTheDeliveryLogs() throws Exception {
		this.mongo.getCollection(Stored.ENDPOINTS).deleteMany(new Document());
		this.mongo.getCollection(Stored.DELIVERIES).deleteMany(new Document());
		this.mongo.insert(new Stored.Endpoint("ep-1", "ngo-1", "https://hooks.ong.example.org/plazo?key=secret", true,
				null, null, null), Stored.ENDPOINTS);
		this.mongo.insert(new Stored.Endpoint("ep-2", "ngo-2", "https://ong2.example.org/in", false, "GONE",
				MORNING.minus(Duration.ofDays(1)), null), Stored.ENDPOINTS);
		Instant yesterday = MORNING.minus(Duration.ofDays(1));
		this.mongo.insert(delivery("d-1", "ep-1", "SUCCEEDED", new Stored.Attempt(1, yesterday, 200, 100, "HTTP_200")),
				Stored.DELIVERIES);
		this.mongo.insert(delivery("d-2", "ep-1", "FAILED", new Stored.Attempt(1, yesterday, 500, 300, "HTTP_500"),
				new Stored.Attempt(2, MORNING, null, 10000, "TIMEOUT")), Stored.DELIVERIES);
		this.mongo.insert(delivery("d-3", "ep-1", "SUCCEEDED", new Stored.Attempt(1, MORNING, 204, 50, "HTTP_204")),
				Stored.DELIVERIES);
		// Older than 30 days: not counted.
		this.mongo.insert(
				delivery("d-4", "ep-1", "FAILED",
						new Stored.Attempt(1, MORNING.minus(Duration.ofDays(40)), 500, 10, "HTTP_500")),
				Stored.DELIVERIES);

		MvcTestResult endpoints = get("/api/v1/operations/webhooks/endpoints");
		MvcTestResult failed = get("/api/v1/operations/webhooks/deliveries?status=FAILED");
		MvcTestResult latency = get("/api/v1/operations/stats/webhook-latency?days=2");

		assertThat(endpoints).bodyJson().extractingPath("$[0].endpointHost").isEqualTo("hooks.ong.example.org");
		assertThat(endpoints).bodyJson().extractingPath("$[0].attempts30d").asNumber().isEqualTo(4);
		assertThat(endpoints).bodyJson().extractingPath("$[0].successRate30d").asNumber().isEqualTo(0.5);
		assertThat(endpoints).bodyJson().extractingPath("$[0].lastFailureAt").isEqualTo("2026-09-01T15:00:00Z");
		assertThat(endpoints).bodyJson().extractingPath("$[0].lastFailureReason").isEqualTo("TIMEOUT");
		assertThat(endpoints).bodyJson().extractingPath("$[1].disabled").isEqualTo(true);
		assertThat(endpoints.getResponse().getContentAsString()).doesNotContain("secret");
		assertThat(failed).bodyJson()
			.extractingPath("$[*].deliveryId")
			.asArray()
			.containsExactlyInAnyOrder("d-2", "d-4");
		assertThat(latency).bodyJson().extractingPath("$[0].date").isEqualTo("2026-08-31");
		assertThat(latency).bodyJson().extractingPath("$[0].count").asNumber().isEqualTo(2);
		assertThat(latency).bodyJson().extractingPath("$[0].p50Ms").asNumber().isEqualTo(100);
		assertThat(latency).bodyJson().extractingPath("$[0].p95Ms").asNumber().isEqualTo(300);
		assertThat(latency).bodyJson().extractingPath("$[1].count").asNumber().isEqualTo(2);
	}

	@Test
	void countsDeliveriesPerDayChannelAndProvider() {
		this.recipients.register(new CaseOpened("case-stats", LocalDate.of(2026, 8, 1), "es", ContactChannel.SMS,
				"+50760001239", null, true, 0, MORNING));
		this.recipients.register(new CaseOpened("case-nocontact", LocalDate.of(2026, 8, 1), "es", ContactChannel.SMS,
				"+50760001240", null, false, 0, MORNING));
		twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM0789\",\"status\":\"queued\",\"num_segments\":\"1\"}")));
		this.delivery.deliver(reminder("case-stats"));
		this.delivery.deliver(reminder("case-nocontact"));

		MvcTestResult result = get("/api/v1/operations/stats/deliveries?days=30");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[?(@.provider == 'twilio')].sent").asArray().containsExactly(1);
		assertThat(result).bodyJson().extractingPath("$[?(@.provider == null)].failed").asArray().containsExactly(1);
		assertThat(result).bodyJson().extractingPath("$[0].date").isEqualTo("2026-09-01");
	}

	@Test
	void listsWhatWasDeadLetteredWithoutItsContent() throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				String.join(",", this.kafkaConnection.getProducer().getBootstrapServers()));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS, "case-dlt",
						"not a cloud event +50760009876".getBytes(StandardCharsets.UTF_8)))
				.get();
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/api/v1/operations/notifications/dead-letters").getResponse()
				.getContentAsString()
				.contains("case-dlt"));
		MvcTestResult result = get("/api/v1/operations/notifications/dead-letters");
		assertThat(result).bodyJson().extractingPath("$[0].topic").isEqualTo(Topics.DEADLINE_EVENTS + ".dlt");
		assertThat(result).bodyJson().extractingPath("$[0].caseId").isEqualTo("case-dlt");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("+50760009876");
	}

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, OPERATOR).exchange();
	}

	private static Stored.Delivery delivery(String id, String endpointId, String status, Stored.Attempt... log) {
		Instant first = log[0].at();
		return new Stored.Delivery(id, endpointId, "ngo-1", "case-ngo", "event-" + id,
				"org.plazo.deadline.scheduled.v1", status, log.length, null, List.of(log),
				status.equals("FAILED") ? "GAVE_UP" : "DELIVERED", first,
				status.equals("FAILED") || status.equals("SUCCEEDED") ? log[log.length - 1].at() : null);
	}

	private MvcTestResult retry(String id, String actor) {
		return this.mvc.post()
			.uri("/api/v1/operations/notifications/{id}/retry", id)
			.header(HttpHeaders.AUTHORIZATION, OPERATOR)
			.header(Parameters.ACTOR_HEADER, actor)
			.exchange();
	}

	private MvcTestResult unacknowledged(String age) {
		return this.mvc.get()
			.uri("/api/v1/operations/notifications?unacknowledgedFor=" + age)
			.header(HttpHeaders.AUTHORIZATION, OPERATOR)
			.exchange();
	}

	private String status(String id) {
		Document found = this.mongo.getCollection(Stored.NOTIFICATIONS).find(new Document("_id", id)).first();
		return (found != null) ? found.getString("status") : null;
	}

	private ReminderDue reminder(String caseId) {
		return new ReminderDue(caseId, caseId + ":FILING_WINDOW:P-30D", caseId + ":FILING_WINDOW", "FILING_WINDOW",
				LocalDate.of(2026, 10, 1), Instant.parse("2026-10-01T21:00:00Z"),
				"Decreto Ejecutivo 5 de 2018, art. 30", MORNING);
	}

	@TestConfiguration
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(MORNING);
		}

	}

}
