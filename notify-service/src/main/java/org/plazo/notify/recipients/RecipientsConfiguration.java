package org.plazo.notify.recipients;

import java.time.Duration;

import org.plazo.notify.outbox.OutboxCollection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class RecipientsConfiguration {

	/** The client registration of the lookup. */
	static final String REGISTRATION = "case-service";

	@Bean
	OutboxCollection phoneContactsOutbox() {
		return new OutboxCollection(PhoneContact.COLLECTION);
	}

	/**
	 * The contact lookup, with a token of this service's own (client credentials, kept
	 * until it expires): no user is involved, so it works from a listener thread.
	 */
	@Bean
	CaseContacts caseContacts(@Value("${plazo.recipients.token-uri}") String tokenUri,
			@Value("${plazo.recipients.client-id}") String clientId,
			@Value("${plazo.recipients.client-secret}") String clientSecret,
			@Value("${plazo.recipients.scope}") String scope,
			@Value("${plazo.recipients.case-service-url}") String caseServiceUrl,
			@Value("${plazo.recipients.connect-timeout}") Duration connectTimeout,
			@Value("${plazo.recipients.read-timeout}") Duration readTimeout) {
		ClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
				ClientRegistration.withRegistrationId(REGISTRATION)
					.clientId(clientId)
					.clientSecret(clientSecret)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
					.scope(scope.split(" "))
					.tokenUri(tokenUri)
					.build());
		InMemoryOAuth2AuthorizedClientService clients = new InMemoryOAuth2AuthorizedClientService(registrations);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, clients);
		manager
			.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(manager);
		tokens.setClientRegistrationIdResolver((request) -> REGISTRATION);
		tokens.setPrincipalResolver((request) -> new AnonymousAuthenticationToken("notify-service", "notify-service",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		// A 401 or 403 from case-service drops the cached token: the next try fetches
		// one.
		tokens.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
		return new CaseContacts(RestClient.builder()
			.baseUrl(caseServiceUrl)
			.requestFactory(CaseContacts.requestFactory(connectTimeout, readTimeout))
			.requestInterceptor(tokens)
			.build());
	}

}
