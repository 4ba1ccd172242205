package org.plazo.notify.partners.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.cases.SharedData;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.notify.partners.ngos.CaseReferences;
import org.plazo.notify.partners.ngos.Ngo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mail.SimpleMailMessage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * Webhook deliveries end to end on the MongoDB stand-in and a WireMock endpoint on
 * loopback (allowed only by the dev flag, as in tests), with time moved by the test.
 */
class WebhookDeliveryTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private WireMockServer wiremock;

	private WebhookFixture fixture;

	private DeliveryDispatcher dispatcher;

	private Ngo ngo;

	private String url;

	@BeforeEach
	void start() {
		this.wiremock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		this.wiremock.start();
		this.fixture = new WebhookFixture();
		this.dispatcher = this.fixture.dispatcher(true, Duration.ofSeconds(5));
		this.ngo = this.fixture.ngo("Refugio Prueba");
		this.url = "http://hooks.ong.test:" + this.wiremock.port() + "/hook";
	}

	@AfterEach
	void stop() throws Exception {
		this.fixture.close();
		this.wiremock.stop();
	}

	@Test
	void aFlakyEndpointReceivesTheEventOnceSuccessfullyAfterTheScheduledRetries() {
		flaky(4);
		WebhookEndpoint endpoint = this.fixture.endpoint(this.ngo, this.url, "org.plazo.deadline.*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);
		String eventId = this.fixture.publish(deadline("case-1"));

		// Immediately, then 5 s, 5 min, 30 min and 2 h later (no jitter in this test).
		List<Duration> pauses = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
				Duration.ofMinutes(30), Duration.ofHours(2));
		int expected = 0;
		for (Duration pause : pauses) {
			this.fixture.clock.advance(pause.minusMillis(1));
			this.dispatcher.poll();
			assertThat(requests()).as("not before the pause of %s ends", pause).hasSize(expected);
			this.fixture.clock.advance(Duration.ofMillis(1));
			this.dispatcher.poll();
			expected++;
			assertThat(requests()).hasSize(expected);
			verifySignature(requests().get(expected - 1), endpoint);
		}
		this.fixture.clock.advance(Duration.ofDays(4));
		this.dispatcher.poll();

		assertThat(requests()).hasSize(5);
		assertThat(requests()).extracting((request) -> request.getHeader("webhook-id"))
			.containsOnly(this.fixture.delivery(eventId, endpoint).id());
		Delivery delivery = this.fixture.delivery(eventId, endpoint);
		assertThat(delivery.status()).isEqualTo(Delivery.Status.SUCCEEDED);
		assertThat(delivery.log()).extracting(Delivery.Attempt::statusCode).containsExactly(500, 500, 500, 500, 200);
		assertThat(delivery.log()).extracting(Delivery.Attempt::at)
			.containsExactly(WebhookFixture.T0, WebhookFixture.T0.plusSeconds(5),
					WebhookFixture.T0.plusSeconds(5).plus(Duration.ofMinutes(5)),
					WebhookFixture.T0.plusSeconds(5).plus(Duration.ofMinutes(35)),
					WebhookFixture.T0.plusSeconds(5).plus(Duration.ofMinutes(35)).plus(Duration.ofHours(2)));
		assertThat(this.fixture.reload(endpoint).failingSince()).isNull();
	}

	@Test
	void theBodyIsAStructuredCloudEventAboutTheOrganisationsCaseReference() {
		this.wiremock.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
		this.fixture.endpoint(this.ngo, this.url, "*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);
		String eventId = this.fixture.publish(deadline("case-1"));

		this.dispatcher.poll();
		this.dispatcher.poll();

		LoggedRequest request = requests().get(1);
		assertThat(request.getHeader("Content-Type")).startsWith("application/cloudevents+json");
		JsonNode body = this.json.readTree(request.getBody());
		String caseRef = CaseReferences.caseRef(this.ngo, "case-1");
		assertThat(body.get("specversion").asString()).isEqualTo("1.0");
		assertThat(body.get("id").asString()).isEqualTo(eventId);
		assertThat(body.get("type").asString()).isEqualTo("org.plazo.deadline.scheduled.v1");
		assertThat(body.get("subject").asString()).isEqualTo(caseRef);
		assertThat(body.at("/data/caseRef").asString()).isEqualTo(caseRef);
		assertThat(body.at("/data/lastDay").asString()).isEqualTo("2026-09-03");
		assertThat(body.at("/data/deadlineRef").asString()).startsWith("de_");
		assertThat(request.getBodyAsString()).doesNotContain("case-1", "\"caseId\"");
	}

	@Test
	void eventsOfOneCaseArriveInOrderWhileOtherCasesGoOn() {
		this.wiremock.stubFor(post("/hook").inScenario("order")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		this.wiremock.stubFor(
				post("/hook").inScenario("order").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
		this.fixture.endpoint(this.ngo, this.url, "org.plazo.deadline.*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);
		this.fixture.assign("case-2", this.ngo, SharedData.PROCEDURAL_EVENTS);

		String first = this.fixture.publish(deadline("case-1"));
		String second = this.fixture.publish(new DeadlineScheduled("case-1", "case-1:RECONSIDERATION",
				"RECONSIDERATION", LocalDate.of(2026, 3, 17), Instant.parse("2026-03-17T21:00:00Z"), "reconsideration",
				"2026.1", "Ley 38 de 2000, art. 166"));
		this.dispatcher.poll();
		assertThat(eventIds()).containsExactly(first);

		String other = this.fixture.publish(deadline("case-2"));
		this.dispatcher.poll();
		assertThat(eventIds()).containsExactly(first, other);

		this.fixture.clock.advance(Duration.ofSeconds(5));
		this.dispatcher.poll();
		this.dispatcher.poll();
		assertThat(eventIds()).containsExactly(first, other, first, second);
	}

	@Test
	void goneDisablesTheEndpointAndCancelsWhatWaitsBehind() {
		this.wiremock.stubFor(post("/hook").willReturn(aResponse().withStatus(410)));
		WebhookEndpoint endpoint = this.fixture.endpoint(this.ngo, this.url, "org.plazo.deadline.*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);
		String first = this.fixture.publish(deadline("case-1"));
		String second = this.fixture.publish(deadline("case-1"));

		this.dispatcher.poll();
		this.dispatcher.poll();

		assertThat(requests()).hasSize(1);
		assertThat(this.fixture.reload(endpoint).enabled()).isFalse();
		assertThat(this.fixture.reload(endpoint).disabledReason()).isEqualTo("GONE");
		assertThat(this.fixture.delivery(first, endpoint).outcome()).isEqualTo("GONE");
		assertThat(this.fixture.delivery(second, endpoint).status()).isEqualTo(Delivery.Status.CANCELLED);
		this.fixture.publish(deadline("case-1"));
		this.dispatcher.poll();
		assertThat(requests()).hasSize(1);
	}

	@Test
	void tooManyRequestsWaitsForRetryAfter() {
		this.wiremock.stubFor(post("/hook").inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120"))
			.willSetStateTo("ok"));
		this.wiremock.stubFor(
				post("/hook").inScenario("limited").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200)));
		WebhookEndpoint endpoint = this.fixture.endpoint(this.ngo, this.url, "org.plazo.deadline.*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);
		String eventId = this.fixture.publish(deadline("case-1"));

		this.dispatcher.poll();
		this.fixture.clock.advance(Duration.ofSeconds(119));
		this.dispatcher.poll();
		assertThat(requests()).hasSize(1);
		this.fixture.clock.advance(Duration.ofSeconds(1));
		this.dispatcher.poll();

		assertThat(requests()).hasSize(2);
		assertThat(this.fixture.delivery(eventId, endpoint).log()).extracting(Delivery.Attempt::statusCode)
			.containsExactly(429, 200);
	}

	@Test
	void aRedirectIsNeverFollowedNotEvenToAPrivateAddress() {
		this.wiremock.stubFor(post("/hook")
			.willReturn(aResponse().withStatus(302).withHeader("Location", "http://10.0.0.5/latest/meta-data")));
		this.wiremock.stubFor(post("/hook-by-name")
			.willReturn(aResponse().withStatus(307).withHeader("Location", "http://internal.ong.test/steal")));
		WebhookEndpoint endpoint = this.fixture.endpoint(this.ngo, this.url, "org.plazo.deadline.*");
		WebhookEndpoint byName = this.fixture.endpoint(this.ngo, this.url + "-by-name", "org.plazo.deadline.*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);
		String eventId = this.fixture.publish(deadline("case-1"));

		this.dispatcher.poll();

		assertThat(this.wiremock.getAllServeEvents()).hasSize(2);
		Delivery delivery = this.fixture.delivery(eventId, endpoint);
		assertThat(delivery.status()).isEqualTo(Delivery.Status.PENDING);
		assertThat(delivery.log()).singleElement().satisfies((attempt) -> {
			assertThat(attempt.statusCode()).isEqualTo(302);
			assertThat(attempt.outcome()).isEqualTo("HTTP_302");
		});
		assertThat(this.fixture.delivery(eventId, byName).log()).extracting(Delivery.Attempt::outcome)
			.containsExactly("HTTP_307");
	}

	@Test
	void withoutTheDevFlagLoopbackIsRefusedAtDeliveryAndNothingIsSent() {
		this.wiremock.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
		WebhookEndpoint endpoint = this.fixture.endpoint(this.ngo, "http://127.0.0.1:" + this.wiremock.port() + "/hook",
				"org.plazo.deadline.*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);
		String eventId = this.fixture.publish(deadline("case-1"));

		this.fixture.dispatcher(false, Duration.ofSeconds(5)).poll();

		assertThat(this.wiremock.getAllServeEvents()).isEmpty();
		assertThat(this.fixture.delivery(eventId, endpoint).log()).extracting(Delivery.Attempt::outcome)
			.containsExactly("ADDRESS_REFUSED");
	}

	@Test
	void aHostThatNowResolvesToAPrivateAddressIsRefusedAtDelivery() {
		this.wiremock.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
		WebhookEndpoint endpoint = this.fixture.endpoint(this.ngo, this.url, "org.plazo.deadline.*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);
		// DNS rebinding: the name pointed at an allowed address when it was registered.
		this.fixture.dns.answer("hooks.ong.test", "10.0.0.5");
		String eventId = this.fixture.publish(deadline("case-1"));

		this.dispatcher.poll();

		assertThat(this.wiremock.getAllServeEvents()).isEmpty();
		assertThat(this.fixture.delivery(eventId, endpoint).log()).extracting(Delivery.Attempt::outcome)
			.containsExactly("ADDRESS_REFUSED");
	}

	@Test
	void anAttemptThatOutlastsTheTimeoutFailsAndIsRetried() {
		this.wiremock.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
		WebhookEndpoint endpoint = this.fixture.endpoint(this.ngo, this.url, "org.plazo.deadline.*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);
		String eventId = this.fixture.publish(deadline("case-1"));

		this.fixture.dispatcher(true, Duration.ofMillis(300)).poll();

		Delivery delivery = this.fixture.delivery(eventId, endpoint);
		assertThat(delivery.status()).isEqualTo(Delivery.Status.PENDING);
		assertThat(delivery.nextAttemptAt()).isEqualTo(WebhookFixture.T0.plusSeconds(5));
		assertThat(delivery.log()).singleElement().satisfies((attempt) -> {
			assertThat(attempt.outcome()).isEqualTo("TIMEOUT");
			assertThat(attempt.latencyMillis()).isLessThan(1500);
		});
	}

	@Test
	void anEndpointFailingForFiveDaysIsDisabledAndOperatorsAreAlerted() {
		this.wiremock.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));
		WebhookEndpoint endpoint = this.fixture.endpoint(this.ngo, this.url, "org.plazo.deadline.*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS, SharedData.CONTACT_DETAILS);
		String first = this.fixture.publish(deadline("case-1"));
		for (int attempt = 0; attempt < 10; attempt++) {
			this.dispatcher.poll();
			Delivery delivery = this.fixture.delivery(first, endpoint);
			if (delivery.nextAttemptAt() != null) {
				this.fixture.clock.set(delivery.nextAttemptAt());
			}
		}
		assertThat(this.fixture.delivery(first, endpoint).outcome()).isEqualTo("GAVE_UP");
		assertThat(this.fixture.delivery(first, endpoint).attempts()).isEqualTo(10);
		assertThat(this.fixture.reload(endpoint).enabled()).isTrue();
		then(this.fixture.mail).should(never()).send(org.mockito.ArgumentMatchers.any(SimpleMailMessage.class));

		this.fixture.clock.set(WebhookFixture.T0.plus(Duration.ofDays(5)).minusSeconds(3));
		String second = this.fixture.publish(deadline("case-1"));
		this.dispatcher.poll();
		assertThat(this.fixture.reload(endpoint).enabled()).isTrue();
		this.fixture.clock.advance(Duration.ofSeconds(5));
		this.dispatcher.poll();

		WebhookEndpoint disabled = this.fixture.reload(endpoint);
		assertThat(disabled.enabled()).isFalse();
		assertThat(disabled.disabledReason()).isEqualTo("FAILING");
		assertThat(this.fixture.delivery(second, endpoint).outcome()).isEqualTo("ENDPOINT_DISABLED");
		ArgumentCaptor<SimpleMailMessage> alert = ArgumentCaptor.forClass(SimpleMailMessage.class);
		then(this.fixture.mail).should().send(alert.capture());
		assertThat(alert.getValue().getTo()).containsExactly("operaciones@plazo.example.org");
		assertThat(alert.getValue().getText()).contains(endpoint.id(), this.ngo.id())
			.doesNotContain(WebhookFixture.PHONE, WebhookFixture.EMAIL, "case-1");
	}

	@Test
	void aDeliveryWhoseConsentEndedBeforeItsRetryIsCancelled() {
		this.wiremock.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));
		WebhookEndpoint endpoint = this.fixture.endpoint(this.ngo, this.url, "org.plazo.deadline.*");
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);
		String eventId = this.fixture.publish(deadline("case-1"));
		this.dispatcher.poll();

		this.fixture.revoke("case-1", this.ngo);
		this.fixture.clock.advance(Duration.ofSeconds(5));
		this.dispatcher.poll();

		assertThat(requests()).hasSize(1);
		Delivery delivery = this.fixture.delivery(eventId, endpoint);
		assertThat(delivery.status()).isEqualTo(Delivery.Status.CANCELLED);
		assertThat(delivery.outcome()).isEqualTo("CONSENT_REVOKED");
	}

	@Test
	void duringASecretRotationBothSignaturesVerifyAndAfterTheOverlapOnlyTheNewOne() {
		this.wiremock.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
		WebhookEndpoint endpoint = this.fixture.endpoint(this.ngo, this.url, "org.plazo.deadline.*");
		String oldSecret = endpoint.secrets().get(0).secret();
		WebhookEndpoint rotated = this.fixture.endpoints.rotateSecret(this.ngo, endpoint.id());
		String newSecret = rotated.secrets().get(1).secret();
		this.fixture.assign("case-1", this.ngo, SharedData.PROCEDURAL_EVENTS);

		this.fixture.publish(deadline("case-1"));
		this.dispatcher.poll();
		LoggedRequest during = requests().get(0);
		assertThat(during.getHeader("webhook-signature").split(" ")).hasSize(2);
		assertThat(verifies(during, oldSecret)).isTrue();
		assertThat(verifies(during, newSecret)).isTrue();

		this.fixture.clock.advance(Duration.ofHours(24));
		this.fixture.publish(deadline("case-1"));
		this.dispatcher.poll();
		LoggedRequest after = requests().get(1);
		assertThat(after.getHeader("webhook-signature").split(" ")).hasSize(1);
		assertThat(verifies(after, oldSecret)).isFalse();
		assertThat(verifies(after, newSecret)).isTrue();
	}

	@Test
	void onlyAnOrganisationWithConsentToContactDetailsReceivesThem() {
		this.wiremock.stubFor(post("/with").willReturn(aResponse().withStatus(200)));
		this.wiremock.stubFor(post("/without").willReturn(aResponse().withStatus(200)));
		Ngo withConsent = this.ngo;
		Ngo without = this.fixture.ngo("Clínica Legal Prueba");
		String base = "http://hooks.ong.test:" + this.wiremock.port();
		this.fixture.endpoint(withConsent, base + "/with", "*");
		this.fixture.endpoint(without, base + "/without", "*");
		this.fixture.assign("case-1", withConsent, SharedData.PROCEDURAL_EVENTS, SharedData.CONTACT_DETAILS);
		this.fixture.assign("case-1", without, SharedData.PROCEDURAL_EVENTS);

		this.fixture.publish(new CaseOpened("case-1", LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS,
				WebhookFixture.PHONE, WebhookFixture.EMAIL, true, 1, WebhookFixture.T0));
		this.fixture.publish(deadline("case-1"));
		for (int i = 0; i < 4; i++) {
			this.dispatcher.poll();
		}

		List<String> withBodies = bodies("/with");
		List<String> withoutBodies = bodies("/without");
		assertThat(withBodies).hasSize(3);
		assertThat(withoutBodies).hasSize(3);
		assertThat(withoutBodies).allSatisfy((body) -> assertThat(body).doesNotContain(WebhookFixture.PHONE,
				"50760001234", WebhookFixture.EMAIL, "ana.prueba", "Ana Prueba", "\"contact\""));
		assertThat(withBodies).allSatisfy((body) -> {
			JsonNode data = this.json.readTree(body).get("data");
			assertThat(data.at("/contact/phone").asString()).isEqualTo(WebhookFixture.PHONE);
			assertThat(data.at("/contact/email").asString()).isEqualTo(WebhookFixture.EMAIL);
			assertThat(body).doesNotContain("Ana Prueba");
		});
	}

	private void flaky(int failures) {
		String state = Scenario.STARTED;
		for (int i = 1; i <= failures; i++) {
			this.wiremock.stubFor(post("/hook").inScenario("flaky")
				.whenScenarioStateIs(state)
				.willReturn(aResponse().withStatus(500))
				.willSetStateTo("failed-" + i));
			state = "failed-" + i;
		}
		this.wiremock.stubFor(
				post("/hook").inScenario("flaky").whenScenarioStateIs(state).willReturn(aResponse().withStatus(200)));
	}

	private List<LoggedRequest> requests() {
		return this.wiremock.findAll(postRequestedFor(urlEqualTo("/hook")));
	}

	private List<String> eventIds() {
		return requests().stream()
			.map((request) -> this.json.readTree(request.getBody()).get("id").asString())
			.toList();
	}

	private List<String> bodies(String path) {
		return this.wiremock.findAll(postRequestedFor(urlEqualTo(path)))
			.stream()
			.map((request) -> new String(request.getBody(), StandardCharsets.UTF_8))
			.toList();
	}

	private void verifySignature(LoggedRequest request, WebhookEndpoint endpoint) {
		assertThat(verifies(request, endpoint.secrets().get(0).secret())).isTrue();
	}

	private boolean verifies(LoggedRequest request, String secret) {
		return new StandardWebhooksVerifier(secret).verify(request.getHeader("webhook-id"),
				request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"), request.getBody(),
				this.fixture.clock.instant());
	}

	static DeadlineScheduled deadline(String caseId) {
		return new DeadlineScheduled(caseId, caseId + ":FILING_WINDOW", "FILING_WINDOW", LocalDate.of(2026, 9, 3),
				Instant.parse("2026-09-03T21:00:00Z"), "filing-window", "2026.1",
				"Decreto Ejecutivo 5 de 2018, art. 30");
	}

}
