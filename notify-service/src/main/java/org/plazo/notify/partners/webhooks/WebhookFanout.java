package org.plazo.notify.partners.webhooks;

import org.plazo.notify.partners.events.StoredEvent;
import org.plazo.notify.partners.ngos.CaseReferences;
import org.plazo.notify.partners.ngos.Ngo;

import org.springframework.stereotype.Component;

/**
 * Queues an event for each enabled endpoint of an organisation that wants it. Whether the
 * organisation may receive it at all is decided before (and again before each attempt).
 */
@Component
public class WebhookFanout {

	private final WebhookEndpoints endpoints;

	private final DeliveryQueue queue;

	WebhookFanout(WebhookEndpoints endpoints, DeliveryQueue queue) {
		this.endpoints = endpoints;
		this.queue = queue;
	}

	/** Forgets a case's deliveries, pending or done (its person was erased). */
	public void forget(String caseId) {
		this.queue.forget(caseId);
	}

	/**
	 * @return how many endpoints it was queued for
	 */
	public int fanOut(StoredEvent event, Ngo ngo) {
		String caseRef = CaseReferences.caseRef(ngo, event.caseId());
		int queued = 0;
		for (WebhookEndpoint endpoint : this.endpoints.of(ngo)) {
			if (endpoint.enabled() && endpoint.wants(event.type(), caseRef)) {
				this.queue.enqueue(endpoint, event, false);
				queued++;
			}
		}
		return queued;
	}

}
