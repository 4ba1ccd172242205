package org.plazo.notify.partners.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.cloudevents.CloudEvent;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.partners.events.Disclosure;
import org.plazo.notify.partners.events.PartnerEventStore;
import org.plazo.notify.partners.events.PartnerEvents;
import org.plazo.notify.partners.events.StoredEvent;
import org.plazo.notify.partners.net.EndpointUrls;
import org.plazo.notify.partners.ngos.CaseLinks;
import org.plazo.notify.partners.ngos.Ngo;
import org.plazo.notify.partners.ngos.NgoRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends due deliveries. Once per poll it reads the due deliveries (the one scanning
 * query), claims each by {@code _id} with a lease, and hands it to a sender thread. Time
 * is the injected clock's: tests move it, and nothing sleeps. An attempt decides, from
 * the endpoint's answer:
 * <ul>
 * <li>2xx: delivered; the next delivery of the case's lane goes.</li>
 * <li>410 Gone: the endpoint is disabled, its lanes cancelled.</li>
 * <li>429: retried no sooner than its {@code Retry-After} (at most 24 h) nor the
 * schedule.</li>
 * <li>anything else (another status, a redirect, no answer in time, a refused address):
 * retried on the schedule, then given up; an endpoint failing for {@code disable-after}
 * (5 days) is disabled and operators alerted.</li>
 * </ul>
 * Before each attempt, the consent is checked again: a link that ended, or no longer
 * covers procedural events, cancels the delivery.
 */
class DeliveryDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private final DeliveryQueue queue;

	private final WebhookEndpoints endpoints;

	private final NgoRegistry registry;

	private final CaseLinks links;

	private final PartnerEventStore events;

	private final PartnerEvents render;

	private final EndpointUrls urls;

	private final WebhookSender sender;

	private final OperatorAlerts alerts;

	private final RetrySchedule schedule;

	private final Clock clock;

	private final Executor executor;

	private final int capacity;

	private final Duration lease;

	private final Duration disableAfter;

	private final NotifyMetrics metrics;

	private final AtomicInteger inFlight = new AtomicInteger();

	DeliveryDispatcher(DeliveryQueue queue, WebhookEndpoints endpoints, NgoRegistry registry, CaseLinks links,
			PartnerEventStore events, PartnerEvents render, EndpointUrls urls, WebhookSender sender,
			OperatorAlerts alerts, RetrySchedule schedule, Clock clock, Executor executor, int capacity, Duration lease,
			Duration disableAfter, NotifyMetrics metrics) {
		this.queue = queue;
		this.endpoints = endpoints;
		this.registry = registry;
		this.links = links;
		this.events = events;
		this.render = render;
		this.urls = urls;
		this.sender = sender;
		this.alerts = alerts;
		this.schedule = schedule;
		this.clock = clock;
		this.executor = executor;
		this.capacity = capacity;
		this.lease = lease;
		this.disableAfter = disableAfter;
		this.metrics = metrics;
	}

	/**
	 * Claims what is due and hands it to the senders.
	 * @return how many deliveries were claimed
	 */
	@Scheduled(initialDelay = 1000, fixedDelayString = "${plazo.partners.delivery.poll-interval}")
	public int poll() {
		int room = this.capacity - this.inFlight.get();
		if (room <= 0) {
			return 0;
		}
		int claimed = 0;
		try {
			for (Delivery due : this.queue.due(room)) {
				Optional<Delivery> mine = this.queue.claim(due, this.clock.instant().plus(this.lease));
				if (mine.isEmpty()) {
					continue;
				}
				claimed++;
				this.inFlight.incrementAndGet();
				try {
					this.executor.execute(() -> {
						try {
							attempt(mine.get());
						}
						catch (RuntimeException ex) {
							// The lease runs out and the delivery is tried again.
							log.warn("Delivery {} failed unexpectedly: {}", due.id(), ex.getClass().getName());
						}
						finally {
							this.inFlight.decrementAndGet();
						}
					});
				}
				catch (RejectedExecutionException ex) {
					this.inFlight.decrementAndGet();
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Webhook poll failed, tried again next time: {}", ex.getClass().getName());
		}
		return claimed;
	}

	void attempt(Delivery delivery) {
		Optional<WebhookEndpoint> found = this.endpoints.find(delivery.endpointId());
		if (found.isEmpty() || !found.get().enabled()) {
			this.queue.cancelLane(delivery, found.isEmpty() ? "ENDPOINT_REMOVED" : "ENDPOINT_DISABLED");
			return;
		}
		WebhookEndpoint endpoint = found.get();
		Optional<Ngo> ngo = this.registry.find(delivery.ngoId());
		Optional<StoredEvent> event = this.events.find(delivery.eventId());
		if (ngo.isEmpty() || event.isEmpty()) {
			this.queue.finish(delivery, Delivery.Status.CANCELLED, ngo.isEmpty() ? "ORGANISATION_REMOVED" : "EXPIRED",
					null);
			return;
		}
		Disclosure disclosure = Disclosure.of(event.get(), ngo.get(),
				this.links.active(delivery.caseId(), delivery.ngoId()));
		if (!disclosure.allowed()) {
			this.queue.finish(delivery, Delivery.Status.CANCELLED, "CONSENT_REVOKED", null);
			return;
		}
		CloudEvent cloudEvent = this.render.render(event.get(), ngo.get(), disclosure.contactDetails());
		byte[] body = this.render.structured(cloudEvent);
		Instant started = this.clock.instant();
		int number = delivery.attempts() + 1;
		WebhookSender.Result result = send(endpoint, delivery, started, body);
		this.metrics.webhookAttempt(outcomeTag(result), Duration.ofMillis(result.latencyMillis()));
		Delivery.Attempt attempt = new Delivery.Attempt(number, started, result.statusCode(), result.latencyMillis(),
				result.outcome());
		Instant now = this.clock.instant();
		if (result.succeeded()) {
			this.endpoints.succeeded(endpoint);
			this.queue.finish(delivery, Delivery.Status.SUCCEEDED, "DELIVERED", attempt);
			return;
		}
		if (Integer.valueOf(410).equals(result.statusCode())) {
			this.endpoints.disable(endpoint, "GONE");
			log.info("Webhook endpoint {} answered 410 Gone and is disabled", endpoint.id());
			this.queue.finish(delivery, Delivery.Status.FAILED, "GONE", attempt);
			return;
		}
		Instant failingSince = (endpoint.failingSince() != null) ? endpoint.failingSince() : started;
		this.endpoints.failing(endpoint, failingSince);
		if (!now.isBefore(failingSince.plus(this.disableAfter))) {
			this.endpoints.disable(endpoint, "FAILING");
			this.alerts.endpointDisabled(withFailingSince(endpoint, failingSince), "FAILING");
			this.queue.finish(delivery, Delivery.Status.FAILED, "ENDPOINT_DISABLED", attempt);
			return;
		}
		Optional<Instant> next = this.schedule.next(number, now,
				Integer.valueOf(429).equals(result.statusCode()) ? result.retryAfter() : Optional.empty());
		if (next.isPresent()) {
			this.queue.retry(delivery, attempt, next.get());
		}
		else {
			this.queue.finish(delivery, Delivery.Status.FAILED, "GAVE_UP", attempt);
		}
	}

	private WebhookSender.Result send(WebhookEndpoint endpoint, Delivery delivery, Instant now, byte[] body) {
		URI url = URI.create(endpoint.url());
		if (this.urls.shape(url).isPresent()) {
			return new WebhookSender.Result(null, 0, "URL_REFUSED", Optional.empty());
		}
		long timestamp = now.getEpochSecond();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-id", delivery.id());
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature",
				WebhookSignatures.sign(delivery.id(), timestamp, body, endpoint.signingSecrets(now)));
		return this.sender.post(url, headers, body);
	}

	/** A few outcomes for metrics: the status class, not each status or address. */
	private static String outcomeTag(WebhookSender.Result result) {
		if (result.succeeded()) {
			return "success";
		}
		if (result.statusCode() != null) {
			return "http_" + (result.statusCode() / 100) + "xx";
		}
		return switch (result.outcome()) {
			case "TIMEOUT" -> "timeout";
			case "CONNECTION_FAILED" -> "connection_failed";
			default -> "refused";
		};
	}

	@Override
	public void destroy() throws InterruptedException {
		if (this.executor instanceof ExecutorService service) {
			service.shutdown();
			service.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	private static WebhookEndpoint withFailingSince(WebhookEndpoint endpoint, Instant failingSince) {
		return new WebhookEndpoint(endpoint.id(), endpoint.ngoId(), endpoint.url(), endpoint.eventTypes(),
				endpoint.caseRefs(), endpoint.description(), endpoint.secrets(), false, "FAILING", null, failingSince,
				endpoint.createdAt());
	}

}
