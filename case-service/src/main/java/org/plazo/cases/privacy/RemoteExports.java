package org.plazo.cases.privacy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.plazo.cases.access.ServiceTokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * What deadline-service and notify-service hold about a case, from their {@code GET
 * /api/v1/operations/cases/{caseId}/export}. Reached as the operator console reaches them
 * ({@code plazo.console.*}: base URLs, operations token, timeout). Nothing read here is
 * logged.
 */
@Component
class RemoteExports {

	static final String DEADLINE_SERVICE = "deadline-service";

	static final String NOTIFY_SERVICE = "notify-service";

	private static final String EXPORT = "/api/v1/operations/cases/{caseId}/export";

	private static final Logger log = LoggerFactory.getLogger(RemoteExports.class);

	private final RestClient deadlines;

	private final RestClient notify;

	RemoteExports(@Value("${plazo.console.deadline-service-url:http://localhost:8082}") URI deadlineServiceUrl,
			@Value("${plazo.console.notify-service-url:http://localhost:8083}") URI notifyServiceUrl,
			@Value("${plazo.console.timeout:PT5S}") Duration timeout, Environment environment) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(timeout).build());
		requests.setReadTimeout(timeout);
		Optional<ClientHttpRequestInterceptor> bearer = ServiceTokens.interceptor(environment);
		this.deadlines = client(deadlineServiceUrl, bearer, requests);
		this.notify = client(notifyServiceUrl, bearer, requests);
	}

	private static RestClient client(URI baseUrl, Optional<ClientHttpRequestInterceptor> bearer,
			JdkClientHttpRequestFactory requests) {
		RestClient.Builder client = RestClient.builder()
			.baseUrl(baseUrl.toString())
			.requestFactory(requests)
			.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
		bearer.ifPresent(client::requestInterceptor);
		return client.build();
	}

	Part deadlines(String caseId) {
		return fetch(this.deadlines, DEADLINE_SERVICE, caseId);
	}

	Part notifications(String caseId) {
		return fetch(this.notify, NOTIFY_SERVICE, caseId);
	}

	private static Part fetch(RestClient client, String service, String caseId) {
		try {
			return new Part(service, Part.State.INCLUDED,
					client.get().uri(EXPORT, caseId).retrieve().body(JsonNode.class));
		}
		catch (HttpClientErrorException.NotFound ex) {
			return new Part(service, Part.State.NOTHING_HELD, null);
		}
		catch (RestClientException ex) {
			log.warn("{} did not answer an export: {}", service, ex.getClass().getSimpleName());
			return new Part(service, Part.State.UNAVAILABLE, null);
		}
	}

	/**
	 * One service's part of an export.
	 *
	 * @param service the service
	 * @param state whether it is in the export
	 * @param data what the service holds, when {@link State#INCLUDED}
	 */
	record Part(String service, State state, JsonNode data) {

		enum State {

			/** The service answered with what it holds. */
			INCLUDED,
			/** The service holds nothing about the case (it answered 404). */
			NOTHING_HELD,
			/** The service did not answer: this part is missing from the export. */
			UNAVAILABLE

		}

	}

}
