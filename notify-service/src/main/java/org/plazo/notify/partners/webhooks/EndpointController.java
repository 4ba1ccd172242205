package org.plazo.notify.partners.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.plazo.notify.partners.ngos.AuthenticatedNgo;
import org.plazo.notify.partners.ngos.CaseReferences;
import org.plazo.notify.partners.ngos.Ngo;
import org.plazo.notify.partners.support.InvalidRequestException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation manages its own webhook endpoints with its API key: registers, changes,
 * removes and enables them, rotates their signing secret, reads their delivery log and
 * asks for a replay. Another organisation's endpoint is not found.
 */
@RestController
@RequestMapping("/api/v1/partners/endpoints")
class EndpointController {

	static final int MAX_LOG = 200;

	private final WebhookEndpoints endpoints;

	private final DeliveryQueue queue;

	private final Replays replays;

	private final Clock clock;

	EndpointController(WebhookEndpoints endpoints, DeliveryQueue queue, Replays replays, Clock clock) {
		this.endpoints = endpoints;
		this.queue = queue;
		this.replays = replays;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<EndpointView> create(AuthenticatedNgo caller,
			@RequestBody WebhookEndpoints.EndpointRequest request) {
		WebhookEndpoint created = this.endpoints.create(caller.ngo(), request);
		return ResponseEntity.created(URI.create("/api/v1/partners/endpoints/" + created.id()))
			.body(EndpointView.of(created, true, this.clock.instant()));
	}

	@GetMapping
	List<EndpointView> list(AuthenticatedNgo caller) {
		Instant now = this.clock.instant();
		return this.endpoints.list(caller.ngo()).stream().map((e) -> EndpointView.of(e, false, now)).toList();
	}

	@GetMapping("/{endpointId}")
	EndpointView get(AuthenticatedNgo caller, @PathVariable String endpointId) {
		return EndpointView.of(this.endpoints.owned(caller.ngo(), endpointId), false, this.clock.instant());
	}

	@PutMapping("/{endpointId}")
	EndpointView update(AuthenticatedNgo caller, @PathVariable String endpointId,
			@RequestBody WebhookEndpoints.EndpointRequest request) {
		return EndpointView.of(this.endpoints.update(caller.ngo(), endpointId, request), false, this.clock.instant());
	}

	@DeleteMapping("/{endpointId}")
	ResponseEntity<Void> delete(AuthenticatedNgo caller, @PathVariable String endpointId) {
		this.endpoints.delete(caller.ngo(), endpointId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A new signing secret, shown in this answer; the previous one overlaps for a while.
	 */
	@PostMapping("/{endpointId}/secret/rotate")
	EndpointView rotate(AuthenticatedNgo caller, @PathVariable String endpointId) {
		return EndpointView.of(this.endpoints.rotateSecret(caller.ngo(), endpointId), true, this.clock.instant());
	}

	@PostMapping("/{endpointId}/enable")
	EndpointView enable(AuthenticatedNgo caller, @PathVariable String endpointId) {
		return EndpointView.of(this.endpoints.enable(caller.ngo(), endpointId), false, this.clock.instant());
	}

	/**
	 * The endpoint's latest deliveries with every attempt: time, status code, latency.
	 */
	@GetMapping("/{endpointId}/deliveries")
	List<DeliveryView> deliveries(AuthenticatedNgo caller, @PathVariable String endpointId,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LOG) {
			throw InvalidRequestException.of("limit", "must be from 1 to " + MAX_LOG);
		}
		WebhookEndpoint endpoint = this.endpoints.owned(caller.ngo(), endpointId);
		return this.queue.log(endpoint.id(), limit).stream().map((d) -> DeliveryView.of(d, caller.ngo())).toList();
	}

	/** Sends again every event since a time that the endpoint would receive now. */
	@PostMapping("/{endpointId}/replay")
	ResponseEntity<ReplayView> replay(AuthenticatedNgo caller, @PathVariable String endpointId,
			@RequestBody ReplayRequest request) {
		WebhookEndpoint endpoint = this.endpoints.owned(caller.ngo(), endpointId);
		if (request.since() == null) {
			throw InvalidRequestException.of("since", "is required");
		}
		int queued = this.replays.replay(caller.ngo(), endpoint, request.since(), this.clock.instant());
		return ResponseEntity.accepted().body(new ReplayView(request.since(), queued));
	}

	record ReplayRequest(Instant since) {

	}

	record ReplayView(Instant since, int events) {

	}

	/**
	 * An endpoint as its organisation sees it. Signing secrets only in the answers that
	 * issue one.
	 */
	record EndpointView(String endpointId, String url, List<String> eventTypes, List<String> caseRefs,
			String description, boolean enabled, String disabledReason, Instant disabledAt, Instant failingSince,
			Instant createdAt, String secret, Instant previousSecretExpiresAt) {

		static EndpointView of(WebhookEndpoint endpoint, boolean withSecret, Instant now) {
			List<SigningSecret> secrets = endpoint.secrets();
			Optional<SigningSecret> current = secrets.stream().filter((s) -> s.expiresAt() == null).findFirst();
			Instant previousExpires = secrets.stream()
				.filter((s) -> s.expiresAt() != null && s.signsAt(now))
				.map(SigningSecret::expiresAt)
				.max(Instant::compareTo)
				.orElse(null);
			return new EndpointView(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.caseRefs(),
					endpoint.description(), endpoint.enabled(), endpoint.disabledReason(), endpoint.disabledAt(),
					endpoint.failingSince(), endpoint.createdAt(),
					withSecret ? current.map(SigningSecret::secret).orElse(null) : null, previousExpires);
		}

	}

	record DeliveryView(String deliveryId, String eventId, String type, String caseRef, String status, String outcome,
			boolean replay, int attempts, Instant nextAttemptAt, Instant createdAt, Instant finishedAt,
			List<Delivery.Attempt> log) {

		static DeliveryView of(Delivery delivery, Ngo ngo) {
			return new DeliveryView(delivery.id(), delivery.eventId(), delivery.type(),
					CaseReferences.caseRef(ngo, delivery.caseId()), delivery.status().name(), delivery.outcome(),
					delivery.replay(), delivery.attempts(), delivery.nextAttemptAt(), delivery.createdAt(),
					delivery.finishedAt(), delivery.log());
		}

	}

}
