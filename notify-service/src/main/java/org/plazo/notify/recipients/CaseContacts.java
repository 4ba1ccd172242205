package org.plazo.notify.recipients;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * case-service's contact lookup, {@code GET /api/v1/cases/{caseId}/contact}, called with
 * this service's client-credentials token. A 404 means the case has no contact details
 * (none recorded, or erased).
 */
class CaseContacts {

	private final RestClient client;

	CaseContacts(RestClient client) {
		this.client = client;
	}

	static SimpleClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
		SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(connectTimeout);
		factory.setReadTimeout(readTimeout);
		return factory;
	}

	/**
	 * @param caseId the case
	 * @return its contact details, or empty when case-service has none
	 * @throws ContactLookupUnavailable when case-service or the token issuer cannot
	 * answer now
	 */
	Optional<CaseContact> of(String caseId) {
		try {
			return this.client.get().uri("/api/v1/cases/{caseId}/contact", caseId).exchange((request, response) -> {
				int status = response.getStatusCode().value();
				if (status == HttpStatus.NOT_FOUND.value()) {
					return Optional.<CaseContact>empty();
				}
				if (status >= 500 || status == 401 || status == 403 || status == 429) {
					throw new ContactLookupUnavailable("Contact lookup answered " + status);
				}
				if (status != HttpStatus.OK.value()) {
					throw new IllegalStateException("Contact lookup answered " + status);
				}
				return Optional.ofNullable(response.bodyTo(CaseContact.class));
			});
		}
		catch (ResourceAccessException ex) {
			throw new ContactLookupUnavailable("Contact lookup not reachable (" + cause(ex) + ")");
		}
		catch (OAuth2AuthorizationException ex) {
			// The issuer is down, or refused the credentials.
			throw new ContactLookupUnavailable("No token for the contact lookup ("
					+ ((ex instanceof ClientAuthorizationException) ? "client" : "issuer") + ")");
		}
		catch (RestClientException ex) {
			throw new ContactLookupUnavailable("Contact lookup failed (" + cause(ex) + ")");
		}
	}

	private static String cause(Exception ex) {
		Throwable cause = ex.getCause();
		return (cause instanceof IOException) ? cause.getClass().getSimpleName() : ex.getClass().getSimpleName();
	}

}
