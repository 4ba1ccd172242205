package org.plazo.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Clock;

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
		}
	}

}
