package org.plazo.cases.console;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's calls to deadline-service and notify-service, against HTTP stubs of them
 * and of the issuer's token endpoint: each carries the console's own bearer token,
 * fetched once by client credentials.
 */
class OperationsTests {

	static final String TOKEN = "{\"access_token\": \"console-token-1\", \"token_type\": \"Bearer\", \"expires_in\": 300}";

	private final WireMockServer services = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private Operations operations;

	@BeforeEach
	void start() {
		this.services.start();
		URI base = URI.create(this.services.baseUrl());
		ConsoleProperties properties = new ConsoleProperties(base, base, Duration.ofSeconds(5), List.of());
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.security.oauth2.client.registration.plazo-console.client-id", "plazo-console")
			.withProperty("spring.security.oauth2.client.registration.plazo-console.client-secret",
					"plazo-console-secret")
			.withProperty("spring.security.oauth2.client.provider.plazo-console.token-uri",
					this.services.baseUrl() + "/oauth2/token");
		this.operations = new Operations(properties, environment);
	}

	@AfterEach
	void stop() {
		this.services.stop();
	}

	@Test
	void sendsTheConsolesOwnBearerTokenFetchedOnce() {
		this.services.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson(TOKEN)));
		this.services.stubFor(get(urlPathEqualTo("/api/v1/operations/deadlines/missed")).willReturn(okJson("[]")));
		this.services
			.stubFor(post(urlPathEqualTo("/api/v1/calendar/closures")).willReturn(aResponse().withStatus(201)));

		assertThat(this.operations.missed("FILING_WINDOW").available()).isTrue();
		assertThat(this.operations.addClosure(LocalDate.of(2026, 6, 2), "CLOSURE", "Cierre", "Gaceta"))
			.isEqualTo(Outcome.OK);

		this.services.verify(1,
				postRequestedFor(urlPathEqualTo("/oauth2/token"))
					.withRequestBody(containing("grant_type=client_credentials"))
					.withHeader("Authorization", containing("Basic ")));
		this.services.verify(getRequestedFor(urlPathEqualTo("/api/v1/operations/deadlines/missed"))
			.withHeader("Authorization", equalTo("Bearer console-token-1")));
		this.services.verify(postRequestedFor(urlPathEqualTo("/api/v1/calendar/closures")).withHeader("Authorization",
				equalTo("Bearer console-token-1")));
	}

	@Test
	void saysAServiceIsUnavailableWhenNoTokenCanBeHad() {
		this.services.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(503)));
		this.services.stubFor(get(urlPathEqualTo("/api/v1/operations/deadlines/missed")).willReturn(okJson("[]")));

		assertThat(this.operations.missed("FILING_WINDOW").available()).isFalse();
		assertThat(this.operations.removeClosure("closure-1")).isEqualTo(Outcome.UNAVAILABLE);
		this.services.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/operations/deadlines/missed")));
	}

	@Test
	void sendsNoBearerTokenWithoutAClientConfigured() {
		URI base = URI.create(this.services.baseUrl());
		Operations unconfigured = new Operations(new ConsoleProperties(base, base, Duration.ofSeconds(5), List.of()),
				new MockEnvironment());
		this.services.stubFor(get(urlPathEqualTo("/api/v1/operations/deadlines/missed")).willReturn(okJson("[]")));

		assertThat(unconfigured.missed("FILING_WINDOW").available()).isTrue();
		this.services.verify(getRequestedFor(urlPathEqualTo("/api/v1/operations/deadlines/missed"))
			.withHeader("Authorization", absent()));
	}

}
