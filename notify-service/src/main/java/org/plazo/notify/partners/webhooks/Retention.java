package org.plazo.notify.partners.webhooks;

import org.plazo.notify.partners.events.PartnerEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets kept events and finished deliveries once the retention period
 * ({@code plazo.partners.retention}) ends. Scans, so it runs once an hour, never per
 * event.
 */
@Component
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final PartnerEventStore events;

	private final DeliveryQueue queue;

	Retention(PartnerEventStore events, DeliveryQueue queue) {
		this.events = events;
		this.queue = queue;
	}

	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "${plazo.partners.purge-interval:PT1H}")
	void purge() {
		try {
			long events = this.events.purge();
			long deliveries = this.queue.purge(this.events.retainedSince());
			if (events + deliveries > 0) {
				log.info("Partner retention: forgot {} events and {} finished deliveries", events, deliveries);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Partner retention purge failed, tried again later: {}", ex.getClass().getName());
		}
	}

}
