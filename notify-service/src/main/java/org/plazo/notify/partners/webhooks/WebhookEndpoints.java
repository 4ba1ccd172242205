package org.plazo.notify.partners.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.plazo.notify.partners.net.EndpointUrls;
import org.plazo.notify.partners.ngos.Ngo;
import org.plazo.notify.partners.ngos.NgoRegistry;
import org.plazo.notify.partners.support.Checks;
import org.plazo.notify.partners.support.ConflictException;
import org.plazo.notify.partners.support.NotFoundException;
import org.plazo.notify.partners.support.PartnerProperties;
import org.plazo.notify.partners.support.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * An organisation's webhook endpoints: registering, changing, removing, rotating the
 * signing secret, enabling again; and the state deliveries keep on them. Every change
 * addresses one endpoint by {@code _id}. An organisation never sees another's endpoints:
 * they are not found.
 */
@Service
public class WebhookEndpoints {

	static final int MAX_ENDPOINTS = 10;

	static final int MAX_CASE_REFS = 100;

	static final int MAX_DESCRIPTION = 200;

	static final Pattern CASE_REF = Pattern.compile("cr_[A-Za-z0-9_-]{1,60}");

	private static final Logger log = LoggerFactory.getLogger(WebhookEndpoints.class);

	private final MongoOperations mongo;

	private final NgoRegistry registry;

	private final EndpointUrls urls;

	private final Clock clock;

	private final Duration overlap;

	WebhookEndpoints(MongoOperations mongo, NgoRegistry registry, EndpointUrls urls, Clock clock,
			PartnerProperties properties) {
		this.mongo = mongo;
		this.registry = registry;
		this.urls = urls;
		this.clock = clock;
		this.overlap = properties.secretOverlap();
	}

	/** Registers an endpoint; its first signing secret is in the answer. */
	WebhookEndpoint create(Ngo ngo, EndpointRequest request) {
		check(request);
		Ngo current = this.registry.find(ngo.id()).orElseThrow(() -> new NotFoundException("organisation"));
		if (current.endpointIds().size() >= MAX_ENDPOINTS) {
			throw new ConflictException("url", "An organisation may register at most " + MAX_ENDPOINTS + " endpoints.");
		}
		Instant now = this.clock.instant();
		WebhookEndpoint endpoint = new WebhookEndpoint("ep_" + Secrets.randomId(20), ngo.id(), request.url(),
				request.eventTypes(), request.caseRefs(), request.description(),
				List.of(new SigningSecret(WebhookSignatures.newSecret(), now, null)), true, null, null, null, now);
		this.mongo.insert(endpoint);
		this.registry.addEndpoint(ngo.id(), endpoint.id());
		log.info("Partner organisation {} registered webhook endpoint {}", ngo.id(), endpoint.id());
		return endpoint;
	}

	WebhookEndpoint update(Ngo ngo, String endpointId, EndpointRequest request) {
		owned(ngo, endpointId);
		check(request);
		this.mongo.updateFirst(byId(endpointId),
				new Update().set("url", request.url())
					.set("eventTypes", request.eventTypes())
					.set("caseRefs", (request.caseRefs() != null) ? request.caseRefs() : List.of())
					.set("description", request.description()),
				WebhookEndpoint.class);
		return owned(ngo, endpointId);
	}

	void delete(Ngo ngo, String endpointId) {
		owned(ngo, endpointId);
		this.mongo.remove(byId(endpointId), WebhookEndpoint.class);
		this.registry.removeEndpoint(ngo.id(), endpointId);
		log.info("Partner organisation {} removed webhook endpoint {}", ngo.id(), endpointId);
	}

	/**
	 * Issues a new signing secret. The previous one keeps signing for the overlap, so
	 * deliveries carry both signatures until the organisation uses the new secret.
	 */
	WebhookEndpoint rotateSecret(Ngo ngo, String endpointId) {
		WebhookEndpoint endpoint = owned(ngo, endpointId);
		Instant now = this.clock.instant();
		List<SigningSecret> secrets = new ArrayList<>();
		for (SigningSecret secret : endpoint.secrets()) {
			if (secret.signsAt(now)) {
				secrets.add((secret.expiresAt() != null) ? secret
						: new SigningSecret(secret.secret(), secret.createdAt(), now.plus(this.overlap)));
			}
		}
		secrets.add(new SigningSecret(WebhookSignatures.newSecret(), now, null));
		this.mongo.updateFirst(byId(endpointId), new Update().set("secrets", secrets), WebhookEndpoint.class);
		log.info("Partner organisation {} rotated the signing secret of webhook endpoint {}", ngo.id(), endpointId);
		return owned(ngo, endpointId);
	}

	/** Enables a disabled endpoint; what it missed comes back only by a replay. */
	WebhookEndpoint enable(Ngo ngo, String endpointId) {
		owned(ngo, endpointId);
		this.mongo.updateFirst(byId(endpointId),
				new Update().set("enabled", true).unset("disabledReason").unset("disabledAt").unset("failingSince"),
				WebhookEndpoint.class);
		return owned(ngo, endpointId);
	}

	List<WebhookEndpoint> list(Ngo ngo) {
		return this.registry.find(ngo.id())
			.map((current) -> this.mongo.find(query(where("_id").in(current.endpointIds())), WebhookEndpoint.class))
			.orElse(List.of());
	}

	/** One of the organisation's endpoints; another's, or none, is not found. */
	WebhookEndpoint owned(Ngo ngo, String endpointId) {
		return find(endpointId).filter((endpoint) -> endpoint.ngoId().equals(ngo.id()))
			.orElseThrow(() -> new NotFoundException("endpoint"));
	}

	/** The endpoints of an organisation, read by {@code _id}: fan-out's query. */
	public List<WebhookEndpoint> of(Ngo ngo) {
		return ngo.endpointIds().isEmpty() ? List.of()
				: this.mongo.find(query(where("_id").in(ngo.endpointIds())), WebhookEndpoint.class);
	}

	Optional<WebhookEndpoint> find(String endpointId) {
		return Optional.ofNullable(this.mongo.findById(endpointId, WebhookEndpoint.class));
	}

	/** Marks the start of a run of failures, unless one is running. */
	void failing(WebhookEndpoint endpoint, Instant since) {
		if (endpoint.failingSince() == null) {
			this.mongo.updateFirst(byId(endpoint.id()), new Update().set("failingSince", since), WebhookEndpoint.class);
		}
	}

	void succeeded(WebhookEndpoint endpoint) {
		if (endpoint.failingSince() != null) {
			this.mongo.updateFirst(byId(endpoint.id()), new Update().unset("failingSince"), WebhookEndpoint.class);
		}
	}

	void disable(WebhookEndpoint endpoint, String reason) {
		this.mongo.updateFirst(byId(endpoint.id()),
				new Update().set("enabled", false)
					.set("disabledReason", reason)
					.set("disabledAt", this.clock.instant()),
				WebhookEndpoint.class);
	}

	private void check(EndpointRequest request) {
		Checks checks = new Checks();
		if (checks.required("url", request.url())) {
			this.urls.problem(request.url()).ifPresent((detail) -> checks.fail("url", detail));
		}
		if (checks.required("eventTypes", request.eventTypes())) {
			if (request.eventTypes().isEmpty()) {
				checks.fail("eventTypes", "must name at least one event type, e.g. org.plazo.case.*");
			}
			else if (request.eventTypes().size() > EventTypes.MAX) {
				checks.fail("eventTypes", "must name at most " + EventTypes.MAX + " event types");
			}
			else {
				for (int i = 0; i < request.eventTypes().size(); i++) {
					String type = request.eventTypes().get(i);
					if (checks.required("eventTypes[" + i + "]", type) && !EventTypes.known(type)) {
						checks.fail("eventTypes[" + i + "]",
								"is not an event type partners receive: use a type name such as "
										+ "org.plazo.deadline.scheduled.v1, or one of "
										+ String.join(", ", EventTypes.WILDCARDS.stream().sorted().toList()));
					}
				}
			}
		}
		if (request.caseRefs() != null) {
			if (request.caseRefs().size() > MAX_CASE_REFS) {
				checks.fail("caseRefs", "must list at most " + MAX_CASE_REFS + " case references");
			}
			else {
				Set<String> seen = new HashSet<>();
				for (int i = 0; i < request.caseRefs().size(); i++) {
					String ref = request.caseRefs().get(i);
					if (checks.required("caseRefs[" + i + "]", ref)
							&& (!CASE_REF.matcher(ref).matches() || !seen.add(ref))) {
						checks.fail("caseRefs[" + i + "]", "must be a distinct case reference, e.g. cr_Q0m8...");
					}
				}
			}
		}
		checks.optionalText("description", request.description(), MAX_DESCRIPTION);
		checks.throwIfAny();
	}

	private static Query byId(String endpointId) {
		return query(where("_id").is(endpointId));
	}

	/**
	 * The body of {@code POST} and {@code PUT /api/v1/partners/endpoints}.
	 *
	 * @param url where to post events: https (http only in dev)
	 * @param eventTypes type names or stream wildcards
	 * @param caseRefs only these cases (of those linked to the organisation); none: all
	 * @param description the organisation's own note
	 */
	record EndpointRequest(String url, List<String> eventTypes, List<String> caseRefs, String description) {

	}

}
