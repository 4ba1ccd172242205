package org.plazo.cases.console;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.plazo.cases.access.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The other services as the console sees them: deadline-service and notify-service over
 * HTTP, with case-service's own bearer token ({@link ServiceTokens}). Every read returns
 * {@link Fetched}, so a service that is down makes a page say so rather than fail.
 * Nothing read here is logged.
 */
@Component
class Operations {

	static final String ACTOR_HEADER = "X-Plazo-Actor";

	private static final Logger log = LoggerFactory.getLogger(Operations.class);

	private final RestClient deadlines;

	private final RestClient notify;

	Operations(ConsoleProperties properties, Environment environment) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		requests.setReadTimeout(properties.timeout());
		Optional<ClientHttpRequestInterceptor> bearer = ServiceTokens.interceptor(environment);
		this.deadlines = client(properties.deadlineServiceUrl().toString(), bearer, requests);
		this.notify = client(properties.notifyServiceUrl().toString(), bearer, requests);
	}

	private static RestClient client(String baseUrl, Optional<ClientHttpRequestInterceptor> bearer,
			JdkClientHttpRequestFactory requests) {
		RestClient.Builder client = RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(requests)
			.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
		bearer.ifPresent(client::requestInterceptor);
		return client.build();
	}

	// deadline-service

	Fetched<List<Upcoming>> upcoming(String within) {
		return list(this.deadlines, "deadline-service", "/api/v1/operations/deadlines/upcoming?within={within}",
				new ParameterizedTypeReference<>() {
				}, within);
	}

	Fetched<List<Missed>> missed(String kind) {
		return list(this.deadlines, "deadline-service", "/api/v1/operations/deadlines/missed?kind={kind}",
				new ParameterizedTypeReference<>() {
				}, kind);
	}

	Fetched<List<CaseReminder>> reminders(String caseId) {
		return list(this.deadlines, "deadline-service", "/api/v1/operations/cases/{caseId}/reminders",
				new ParameterizedTypeReference<>() {
				}, caseId);
	}

	Fetched<List<DayCount>> remindersDuePerDay(int days) {
		return list(this.deadlines, "deadline-service", "/api/v1/operations/reminders/due-per-day?days={days}",
				new ParameterizedTypeReference<>() {
				}, days);
	}

	/** A case's deadlines with their working; empty while none is computed. */
	Fetched<List<Deadline>> deadlines(String caseId) {
		Fetched<CaseDeadlines> fetched = get(this.deadlines, "deadline-service", "/api/v1/cases/{caseId}/deadlines",
				new ParameterizedTypeReference<>() {
				}, caseId);
		return fetched.map((found) -> (found != null && found.deadlines() != null) ? found.deadlines() : List.of());
	}

	Fetched<List<CalendarDay>> nonBusinessDays(int year) {
		Fetched<CalendarYear> fetched = get(this.deadlines, "deadline-service", "/api/v1/calendar/{year}",
				new ParameterizedTypeReference<>() {
				}, year);
		return fetched.map((found) -> (found != null && found.days() != null) ? found.days() : List.of());
	}

	Outcome addClosure(LocalDate date, String kind, String reason, String source) {
		return act("deadline-service",
				() -> this.deadlines.post()
					.uri("/api/v1/calendar/closures")
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("date", date.toString(), "kind", kind, "reason", reason, "source", source))
					.retrieve()
					.toBodilessEntity());
	}

	Outcome removeClosure(String closureId) {
		return act("deadline-service",
				() -> this.deadlines.delete()
					.uri("/api/v1/calendar/closures/{id}", closureId)
					.retrieve()
					.toBodilessEntity());
	}

	// notify-service

	Fetched<List<Notification>> notifications(String status) {
		return list(this.notify, "notify-service", "/api/v1/operations/notifications?status={status}",
				new ParameterizedTypeReference<>() {
				}, status);
	}

	/**
	 * SMS a provider accepted that long ago (e.g. {@code PT24H}) with no delivery
	 * receipt.
	 */
	Fetched<List<Notification>> unacknowledged(String age) {
		return list(this.notify, "notify-service",
				"/api/v1/operations/notifications?status=SENT&unacknowledgedFor={age}",
				new ParameterizedTypeReference<>() {
				}, age);
	}

	/** A case's notifications, operators' retries and webhook deliveries. */
	Fetched<CaseDeliveries> caseDeliveries(String caseId) {
		Fetched<CaseDeliveries> fetched = get(this.notify, "notify-service",
				"/api/v1/operations/cases/{caseId}/notifications", new ParameterizedTypeReference<>() {
				}, caseId);
		return fetched.map((found) -> (found != null) ? found : new CaseDeliveries(caseId, null, null, null));
	}

	Fetched<List<OptedOut>> optedOutAtRisk() {
		return list(this.notify, "notify-service", "/api/v1/operations/at-risk/opted-out",
				new ParameterizedTypeReference<>() {
				});
	}

	Fetched<List<Endpoint>> webhookEndpoints() {
		return list(this.notify, "notify-service", "/api/v1/operations/webhooks/endpoints",
				new ParameterizedTypeReference<>() {
				});
	}

	Fetched<List<WebhookDelivery>> webhookDeliveries(String status) {
		return list(this.notify, "notify-service", "/api/v1/operations/webhooks/deliveries?status={status}",
				new ParameterizedTypeReference<>() {
				}, status);
	}

	Fetched<List<DeliveryStat>> deliveryStats(int days) {
		return list(this.notify, "notify-service", "/api/v1/operations/stats/deliveries?days={days}",
				new ParameterizedTypeReference<>() {
				}, days);
	}

	Fetched<List<DayLatency>> webhookLatency(int days) {
		return list(this.notify, "notify-service", "/api/v1/operations/stats/webhook-latency?days={days}",
				new ParameterizedTypeReference<>() {
				}, days);
	}

	Outcome retryNotification(String notificationId, String actor) {
		return act("notify-service",
				() -> this.notify.post()
					.uri("/api/v1/operations/notifications/{id}/retry", notificationId)
					.header(ACTOR_HEADER, actor)
					.retrieve()
					.toBodilessEntity());
	}

	private <T> Fetched<List<T>> list(RestClient client, String service, String uri,
			ParameterizedTypeReference<List<T>> type, Object... variables) {
		return get(client, service, uri, type, variables).map((found) -> (found != null) ? found : List.of());
	}

	/** A 404 is an answer (nothing known); anything else that is not 2xx is not. */
	private <T> Fetched<T> get(RestClient client, String service, String uri, ParameterizedTypeReference<T> type,
			Object... variables) {
		try {
			return Fetched.of(client.get().uri(uri, variables).retrieve().body(type));
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Fetched.of(null);
		}
		catch (RestClientException | OAuth2AuthorizationException ex) {
			log.warn("{} did not answer the console: {}", service, ex.getClass().getSimpleName());
			return Fetched.unavailable();
		}
	}

	private Outcome act(String service, Runnable call) {
		try {
			call.run();
			return Outcome.OK;
		}
		catch (HttpClientErrorException ex) {
			HttpStatusCode status = ex.getStatusCode();
			if (status.value() == HttpStatus.NOT_FOUND.value()) {
				return Outcome.NOT_FOUND;
			}
			if (status.value() == HttpStatus.CONFLICT.value()) {
				return Outcome.CONFLICT;
			}
			if (status.value() == HttpStatus.BAD_REQUEST.value()) {
				return Outcome.invalid(problems(ex));
			}
			log.warn("{} refused a console action with {}", service, status.value());
			return Outcome.UNAVAILABLE;
		}
		catch (RestClientException | OAuth2AuthorizationException ex) {
			log.warn("{} did not answer a console action: {}", service, ex.getClass().getSimpleName());
			return Outcome.UNAVAILABLE;
		}
	}

	private static List<Outcome.FieldProblem> problems(HttpClientErrorException ex) {
		List<Outcome.FieldProblem> problems = new ArrayList<>();
		try {
			Problem problem = ex.getResponseBodyAs(Problem.class);
			if (problem != null && problem.errors() != null) {
				problem.errors()
					.forEach((error) -> problems.add(new Outcome.FieldProblem(error.field(), error.detail())));
			}
			if (problems.isEmpty() && problem != null && problem.detail() != null) {
				problems.add(new Outcome.FieldProblem("", problem.detail()));
			}
		}
		catch (RuntimeException unreadable) {
			problems.add(new Outcome.FieldProblem("", "The request was refused."));
		}
		return problems;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Problem(String detail, List<Outcome.FieldProblem> errors) {

	}

	/** An open deadline closing soon (deadline-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Upcoming(String caseId, String deadlineId, String kind, LocalDate dueDate, Instant dueAt,
			long timeLeftSeconds, String status, String legalBasis, boolean critical) {

	}

	/** A deadline whose term closed with nothing filed (deadline-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Missed(String caseId, String deadlineId, String kind, LocalDate dueDate, String status) {

	}

	/** One reminder of a case (deadline-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CaseReminder(String reminderId, String deadlineId, String kind, String purpose, Instant fireAt,
			String status) {

	}

	/** How many reminders fall due on a day (deadline-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record DayCount(LocalDate date, int count) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CaseDeadlines(String caseId, List<Deadline> deadlines) {

	}

	/** A deadline with its working (deadline-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Deadline(String deadlineId, String kind, String status, LocalDate lastDay, Instant dueAt,
			LocalDateTime dueAtPanama, String legalBasis, boolean alert, List<String> explanation,
			List<DeadlineReminder> reminders) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DeadlineReminder(String reminderId, String purpose, Instant fireAt, String status) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CalendarYear(int year, List<CalendarDay> days) {

	}

	/** A weekday that is not, or may not be, a business day (deadline-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CalendarDay(LocalDate date, String kind, String reason, String source, String closureId) {

	}

	/** The delivery of one reminder on one channel (notify-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Notification(String notificationId, String caseId, String reminderId, String deadlineId, String deadlineKind,
			LocalDate dueDate, String channel, String provider, String status, int attempts, String failureReason,
			String providerCode, boolean critical, Instant createdAt, Instant updatedAt) {

	}

	/** A case's deliveries (notify-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CaseDeliveries(String caseId, List<Notification> notifications, List<Retry> retries,
			List<WebhookDelivery> webhookDeliveries) {

		CaseDeliveries {
			notifications = (notifications != null) ? notifications : List.of();
			retries = (retries != null) ? retries : List.of();
			webhookDeliveries = (webhookDeliveries != null) ? webhookDeliveries : List.of();
		}

	}

	/** An operator's retry as notify-service audited it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Retry(Instant at, String actor, String action, String target) {

	}

	/** A person who opted out while a five-day term runs (notify-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record OptedOut(String caseId, Instant optedOutAt, String deadlineKind, String deadlineId, LocalDate dueDate,
			Instant dueAt) {

	}

	/** An NGO's webhook endpoint and its health (notify-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Endpoint(String ngoId, String endpointId, String endpointHost, Double successRate30d, int attempts30d,
			Instant lastFailureAt, String lastFailureReason, boolean disabled, String disabledReason,
			Instant failingSince) {

	}

	/** A webhook delivery (notify-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record WebhookDelivery(String deliveryId, String endpointId, String ngoId, String eventType, String status,
			int attempts, String outcome, List<WebhookAttempt> log, Instant createdAt, Instant finishedAt) {

	}

	/** One attempt at a webhook delivery (notify-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record WebhookAttempt(int number, Instant at, Integer statusCode, long latencyMillis, String outcome) {

	}

	/**
	 * Deliveries of a day, channel and provider (notify-service): {@code sent} counts all
	 * a provider accepted, {@code delivered} those it confirmed.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record DeliveryStat(LocalDate date, String channel, String provider, long sent, long delivered, long failed) {

	}

	/** Webhook attempts of a day and their latency (notify-service). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record DayLatency(LocalDate date, int count, Long p50Ms, Long p95Ms) {

	}

}
