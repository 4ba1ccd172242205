package org.plazo.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The development stack's token issuer: Spring Authorization Server in its own Spring
 * context, with fixed client-credentials clients ({@link #CLIENTS}, secret
 * {@code <client-id>-secret}) and an RSA key drawn at each start and kept in memory. Its
 * tokens are RS256 JWTs whose {@code sub} is the client id, with the client's
 * {@code roles} and {@code scope}. The services check them against its
 * {@code /oauth2/jwks}. Development only, and says so.
 */
public final class LocalIssuer implements AutoCloseable {

	/**
	 * A client of the local issuer.
	 *
	 * @param clientId its id, also the tokens' {@code sub}; the secret is
	 * {@code <clientId>-secret}
	 * @param roles the {@code roles} claim
	 * @param scopes the {@code scope} claim
	 */
	public record Client(String clientId, List<String> roles, List<String> scopes) {

		public String secret() {
			return this.clientId + "-secret";
		}

	}

	/** The fixed development clients. */
	public static final List<Client> CLIENTS = List.of(new Client("dev-operator", List.of("operator"), List.of()),
			new Client("dev-viewer", List.of("viewer"), List.of()),
			new Client("dev-caseworker-ana", List.of("caseworker"), List.of()),
			new Client("dev-caseworker-ben", List.of("caseworker"), List.of()),
			new Client("plazo-console", List.of("operator"), List.of()),
			new Client("notify-service", List.of("service"), List.of("contacts:read")));

	/** case-service's client for its console's calls to deadline- and notify-service. */
	public static final String CONSOLE_REGISTRATION = "plazo-console";

	static final String WARNING = """

			=====================================================================
			  LOCAL DEVELOPMENT TOKEN ISSUER at %s
			  Fixed clients with PUBLIC secrets (<client-id>-secret): %s.
			  Anyone who reaches it gets an operator's token. Not for real data;
			  a real deployment points the services at its own identity provider.
			=====================================================================
			""";

	static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

	private static final String ROLES_SETTING = "plazo.roles";

	private static final String SCOPES_SETTING = "plazo.scopes";

	private static final Logger log = LoggerFactory.getLogger(LocalIssuer.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ConfigurableApplicationContext context;

	private final String url;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

	private LocalIssuer(ConfigurableApplicationContext context, String url) {
		this.context = context;
		this.url = url;
	}

	/** Starts the issuer on {@code port} (0: a free one) and warns loudly. */
	public static LocalIssuer start(int port) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(IssuerConfiguration.class).run(
				"--server.port=" + port, "--server.address=localhost", "--spring.application.name=plazo-issuer",
				"--spring.main.register-shutdown-hook=false", "--logging.register-shutdown-hook=false",
				"--spring.main.banner-mode=off");
		int actual = context.getEnvironment().getProperty("local.server.port", Integer.class, port);
		String url = "http://localhost:" + actual;
		log.warn(WARNING.formatted(url, String.join(", ", CLIENTS.stream().map(Client::clientId).toList())));
		return new LocalIssuer(context, url);
	}

	/** Such as {@code http://localhost:9000}. */
	public String url() {
		return this.url;
	}

	public String jwkSetUri() {
		return this.url + "/oauth2/jwks";
	}

	public String tokenUri() {
		return this.url + "/oauth2/token";
	}

	/**
	 * A bearer token for one of {@link #CLIENTS}, by client credentials; the same one
	 * while it has more than five minutes left.
	 */
	public String token(String clientId) {
		CachedToken cached = this.tokens.get(clientId);
		if (cached != null && cached.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
			return cached.value();
		}
		CachedToken fresh = fetch(clientId);
		this.tokens.put(clientId, fresh);
		return fresh.value();
	}

	private CachedToken fetch(String clientId) {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri()))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"The local issuer refused a token for " + clientId + ": " + response.statusCode());
			}
			JsonNode body = json.readTree(response.body());
			return new CachedToken(body.get("access_token").asString(),
					Instant.now().plusSeconds(body.get("expires_in").asLong()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The local issuer did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking the local issuer", ex);
		}
	}

	/**
	 * What a service launched by the stack is told about the issuer: where its keys are
	 * (every service), and the client registration it calls other services with
	 * (case-service's console, notify-service's contact lookups), under Spring Boot's
	 * property names.
	 */
	public static List<String> serviceArguments(PlazoService service, String issuerUrl) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuerUrl + "/oauth2/jwks");
		if (service == PlazoService.CASE) {
			arguments.addAll(registration(CONSOLE_REGISTRATION, "plazo-console", null, issuerUrl));
		}
		if (service == PlazoService.NOTIFY) {
			// notify-service builds its one client from its own properties.
			arguments.addAll(List.of("--plazo.recipients.token-uri=" + issuerUrl + "/oauth2/token",
					"--plazo.recipients.client-id=notify-service",
					"--plazo.recipients.client-secret=notify-service-secret",
					"--plazo.recipients.scope=contacts:read"));
		}
		return arguments;
	}

	private static List<String> registration(String id, String clientId, String scope, String issuerUrl) {
		String prefix = "--spring.security.oauth2.client.registration." + id + ".";
		List<String> arguments = new ArrayList<>(List.of(prefix + "client-id=" + clientId,
				prefix + "client-secret=" + clientId + "-secret",
				prefix + "authorization-grant-type=client_credentials",
				"--spring.security.oauth2.client.provider." + id + ".token-uri=" + issuerUrl + "/oauth2/token"));
		if (scope != null) {
			arguments.add(prefix + "scope=" + scope);
		}
		return arguments;
	}

	@Override
	public void close() {
		this.context.close();
	}

	private record CachedToken(String value, Instant expiresAt) {

	}

	/**
	 * The issuer's context: Tomcat, Spring Security and the authorization server's
	 * endpoints ({@code /oauth2/token}, {@code /oauth2/jwks}, metadata), nothing else of
	 * what the shared classpath offers.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class })
	static class IssuerConfiguration {

		@Bean
		SecurityFilterChain issuerFilterChain(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer((server) -> http.securityMatcher(server.getEndpointsMatcher()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		RegisteredClientRepository registeredClients() {
			List<RegisteredClient> clients = new ArrayList<>();
			for (Client client : CLIENTS) {
				RegisteredClient.Builder registered = RegisteredClient.withId(UUID.randomUUID().toString())
					.clientId(client.clientId())
					.clientSecret("{noop}" + client.secret())
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
					.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
					.clientSettings(ClientSettings.builder()
						.setting(ROLES_SETTING, client.roles())
						.setting(SCOPES_SETTING, client.scopes())
						.build())
					.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build());
				client.scopes().forEach(registered::scope);
				clients.add(registered.build());
			}
			return new InMemoryRegisteredClientRepository(clients);
		}

		/**
		 * {@code roles} from the client, and its {@code scope} even when none was asked
		 * for.
		 */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> rolesAndScope() {
			return (context) -> {
				ClientSettings settings = context.getRegisteredClient().getClientSettings();
				List<String> roles = settings.getSetting(ROLES_SETTING);
				List<String> scopes = context.getAuthorizedScopes().isEmpty() ? settings.getSetting(SCOPES_SETTING)
						: List.copyOf(context.getAuthorizedScopes());
				context.getClaims().claim("roles", roles);
				if (scopes.isEmpty()) {
					context.getClaims().claims((claims) -> claims.remove("scope"));
				}
				else {
					context.getClaims().claim("scope", String.join(" ", scopes));
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> jwkSource() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				KeyPair keys = generator.generateKeyPair();
				RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
					.privateKey((RSAPrivateKey) keys.getPrivate())
					.keyID(UUID.randomUUID().toString())
					.build();
				return new ImmutableJWKSet<>(new JWKSet(key));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
