package org.plazo.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The three services started by the stack, once they are on this module's classpath. The
 * end-to-end behaviour is {@code e2e-tests}' job; this checks the wiring.
 */
class LocalStackServicesTests {

	@TempDir
	Path dataDirectory;

	@Test
	void startsEveryServiceOnTheSharedClock() throws Exception {
		for (PlazoService service : PlazoService.values()) {
			assumeTrue(ServiceLauncher.isOnClasspath(service),
					() -> service.serviceName() + " is not on the classpath");
		}
		Settings settings = Settings.forTests(this.dataDirectory).withServices(PlazoService.values());
		try (RunningStack stack = LocalStack.start(settings)) {
			HttpClient http = HttpClient.newHttpClient();
			for (RunningService service : stack.services()) {
				assertThat(service.context().getBean("clock", Clock.class)).isSameAs(stack.clock());
				URI apiDocs = URI.create(stack.serviceUrl(service.service()) + "/v3/api-docs");
				assertThat(http.send(HttpRequest.newBuilder(apiDocs).build(), BodyHandlers.ofString()).statusCode())
					.isEqualTo(200);
			}
			assertThat(stack.services()).hasSize(3);
			assertThat(stack.summary()).contains("Token issuer", stack.issuerUrl(), "dev-caseworker-ana-secret");
		}
	}

	@Test
	void theCaseApiTakesTheLocalIssuersTokensAndKeepsEachCaseworkersCasesTheirOwn() throws Exception {
		assumeTrue(ServiceLauncher.isOnClasspath(PlazoService.CASE), "case-service is not on the classpath");
		Settings settings = Settings.forTests(this.dataDirectory).withServices(PlazoService.CASE);
		try (RunningStack stack = LocalStack.start(settings)) {
			HttpClient http = HttpClient.newHttpClient();
			String cases = stack.serviceUrl(PlazoService.CASE) + "/api/v1/cases";
			String body = Samples.CASE_REQUEST.formatted(LocalDate.now(stack.clock()).minusWeeks(3));

			HttpResponse<String> anonymous = http.send(post(cases, body, null), BodyHandlers.ofString());
			HttpResponse<String> opened = http.send(post(cases, body, stack.token("dev-caseworker-ana")),
					BodyHandlers.ofString());

			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(opened.statusCode()).isEqualTo(201);
			String location = stack.serviceUrl(PlazoService.CASE)
					+ opened.headers().firstValue("Location").orElseThrow();
			assertThat(
					http.send(get(location, stack.token("dev-caseworker-ana")), BodyHandlers.ofString()).statusCode())
				.isEqualTo(200);
			assertThat(
					http.send(get(location, stack.token("dev-caseworker-ben")), BodyHandlers.ofString()).statusCode())
				.isEqualTo(404);
			assertThat(http.send(get(location, stack.token("dev-viewer")), BodyHandlers.ofString()).statusCode())
				.isEqualTo(200);
			assertThat(http.send(post(cases, body, stack.token("dev-viewer")), BodyHandlers.ofString()).statusCode())
				.isEqualTo(403);
		}
	}

	private static HttpRequest post(String uri, String body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.build();
	}

	private static HttpRequest get(String uri, String token) {
		return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).build();
	}

}
