package org.plazo.notify.partners.webhooks;

import java.time.Instant;
import java.util.Optional;

import org.plazo.notify.partners.events.Disclosure;
import org.plazo.notify.partners.events.PartnerEventStore;
import org.plazo.notify.partners.events.StoredEvent;
import org.plazo.notify.partners.ngos.CaseLink;
import org.plazo.notify.partners.ngos.CaseLinks;
import org.plazo.notify.partners.ngos.CaseReferences;
import org.plazo.notify.partners.ngos.Ngo;
import org.plazo.notify.partners.support.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Sends an endpoint again every event since a time that it would receive now: of a case
 * linked to the organisation now, since the link was made, with today's consent. New
 * deliveries (new {@code webhook-id}s) carrying the same CloudEvents ids, queued in each
 * case's lane behind what is already there.
 */
@Component
class Replays {

	private final PartnerEventStore events;

	private final CaseLinks links;

	private final DeliveryQueue queue;

	Replays(PartnerEventStore events, CaseLinks links, DeliveryQueue queue) {
		this.events = events;
		this.links = links;
		this.queue = queue;
	}

	/**
	 * @return how many events were queued
	 */
	int replay(Ngo ngo, WebhookEndpoint endpoint, Instant since, Instant now) {
		if (since.isAfter(now)) {
			throw InvalidRequestException.of("since", "must not be in the future");
		}
		if (since.isBefore(this.events.retainedSince())) {
			throw InvalidRequestException.of("since",
					"must not be before " + this.events.retainedSince() + ": older events are no longer kept");
		}
		int queued = 0;
		for (StoredEvent event : this.events.since(since)) {
			Optional<CaseLink> link = this.links.active(event.caseId(), ngo.id());
			boolean sinceLinked = link.map((l) -> !event.time().isBefore(l.assignedAt())).orElse(false);
			if (sinceLinked && Disclosure.of(event, ngo, link).allowed()
					&& endpoint.wants(event.type(), CaseReferences.caseRef(ngo, event.caseId()))) {
				this.queue.enqueue(endpoint, event, true);
				queued++;
			}
		}
		return queued;
	}

}
