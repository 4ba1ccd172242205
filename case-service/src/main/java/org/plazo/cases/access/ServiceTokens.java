package org.plazo.cases.access;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.util.StringUtils;

/**
 * case-service's own bearer token for its calls to deadline-service and notify-service
 * (the console's pages, the Law 81 export): OAuth2 client credentials of the registration
 * {@value #REGISTRATION}, configured with Spring Boot's property names:
 * {@code spring.security.oauth2.client.registration.plazo-console.client-id},
 * {@code .client-secret}, optionally {@code .scope}, and
 * {@code spring.security.oauth2.client.provider.plazo-console.token-uri}. The token is
 * fetched when first needed, kept until it expires, and dropped when a service refuses
 * it.
 */
public final class ServiceTokens {

	public static final String REGISTRATION = "plazo-console";

	private static final String CLIENT = "spring.security.oauth2.client.registration." + REGISTRATION + ".";

	private static final String PROVIDER = "spring.security.oauth2.client.provider." + REGISTRATION + ".";

	private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

	private ServiceTokens() {
	}

	/** The interceptor that adds the token, or empty when no client is configured. */
	public static Optional<ClientHttpRequestInterceptor> interceptor(Environment environment) {
		String clientId = environment.getProperty(CLIENT + "client-id");
		String tokenUri = environment.getProperty(PROVIDER + "token-uri");
		if (!StringUtils.hasText(clientId) || !StringUtils.hasText(tokenUri)) {
			log.warn("No OAuth2 client for the console ({}client-id, {}token-uri): its calls to deadline-service"
					+ " and notify-service carry no bearer token", CLIENT, PROVIDER);
			return Optional.empty();
		}
		ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId(clientId)
			.clientSecret(environment.getProperty(CLIENT + "client-secret", ""))
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(tokenUri);
		String scope = environment.getProperty(CLIENT + "scope");
		if (StringUtils.hasText(scope)) {
			registration.scope(StringUtils.commaDelimitedListToSet(scope));
		}
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
				registration.build());
		InMemoryOAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, tokens);
		manager
			.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		interceptor.setClientRegistrationIdResolver((request) -> REGISTRATION);
		// One token for the console, whichever operator is signed in.
		Authentication console = UsernamePasswordAuthenticationToken.authenticated(REGISTRATION, null, null);
		interceptor.setPrincipalResolver((request) -> console);
		interceptor
			.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
		return Optional.of(interceptor);
	}

}
