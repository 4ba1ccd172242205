package org.plazo.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LocalIssuerTests {

	static LocalIssuer issuer;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void start() {
		issuer = LocalIssuer.start(0);
	}

	@AfterAll
	static void stop() {
		issuer.close();
	}

	@Test
	void givesEachDevelopmentClientATokenWithItsRolesAndScope() {
		JsonNode ana = claims(issuer.token("dev-caseworker-ana"));
		JsonNode notify = claims(issuer.token("notify-service"));
		JsonNode console = claims(issuer.token("plazo-console"));

		assertThat(ana.get("sub").asString()).isEqualTo("dev-caseworker-ana");
		assertThat(ana.get("roles").get(0).asString()).isEqualTo("caseworker");
		assertThat(ana.has("scope")).isFalse();
		assertThat(notify.get("roles").get(0).asString()).isEqualTo("service");
		assertThat(notify.get("scope").asString()).isEqualTo("contacts:read");
		assertThat(console.get("roles").get(0).asString()).isEqualTo("operator");
		assertThat(ana.get("exp").asLong() - ana.get("iat").asLong()).isEqualTo(LocalIssuer.TOKEN_LIFETIME.toSeconds());
	}

	@Test
	void refusesAWrongSecretAndPublishesItsKeys() throws Exception {
		HttpResponse<String> refused = this.http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("dev-operator:guess".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), BodyHandlers.ofString());
		HttpResponse<String> keys = this.http.send(HttpRequest.newBuilder(URI.create(issuer.jwkSetUri())).build(),
				BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(keys.statusCode()).isEqualTo(200);
		JsonNode key = this.json.readTree(keys.body()).get("keys").get(0);
		assertThat(key.get("kty").asString()).isEqualTo("RSA");
		assertThat(key.has("d")).as("no private part").isFalse();
	}

	@Test
	void tellsEachServiceWhereItsKeysAreAndWhichClientItCallsWith() {
		assertThat(LocalIssuer.serviceArguments(PlazoService.DEADLINE, "http://localhost:9000")).containsExactly(
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9000/oauth2/jwks");
		assertThat(LocalIssuer.serviceArguments(PlazoService.CASE, "http://localhost:9000")).contains(
				"--spring.security.oauth2.client.registration.plazo-console.client-id=plazo-console",
				"--spring.security.oauth2.client.provider.plazo-console.token-uri=http://localhost:9000/oauth2/token");
		assertThat(LocalIssuer.serviceArguments(PlazoService.NOTIFY, "http://localhost:9000")).contains(
				"--plazo.recipients.token-uri=http://localhost:9000/oauth2/token",
				"--plazo.recipients.client-id=notify-service", "--plazo.recipients.client-secret=notify-service-secret",
				"--plazo.recipients.scope=contacts:read");
	}

	private JsonNode claims(String token) {
		String payload = token.split("\\.")[1];
		return this.json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

}
