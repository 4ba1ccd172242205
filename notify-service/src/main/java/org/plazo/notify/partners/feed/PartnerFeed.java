package org.plazo.notify.partners.feed;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.plazo.events.Topics;
import org.plazo.notify.partners.events.PartnerEvents;
import org.plazo.notify.partners.events.StoredEvent;
import org.plazo.notify.partners.ngos.CaseReferences;
import org.plazo.notify.partners.ngos.Ngo;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the events an organisation may receive to {@code plazo.partner-events.v1},
 * for organisations registered with {@code kafkaFeed}. The topic is shared by every such
 * organisation, so it carries no personal data at all, even where the applicant agreed to
 * share contact details: one record per organisation and event, keyed by that
 * organisation's opaque case reference (so a case's events stay in order on one partition
 * and no organisation can link another's records to its own cases), with the
 * organisation's id in the CloudEvents extension {@code plazongo} ({@code ce_plazongo}
 * header) to filter on. Binary mode, like every Plazo topic.
 */
@Component
public class PartnerFeed {

	private final KafkaTemplate<String, CloudEvent> kafka;

	private final PartnerEvents render;

	PartnerFeed(KafkaTemplate<String, CloudEvent> kafka, PartnerEvents render) {
		this.kafka = kafka;
		this.render = render;
	}

	/**
	 * Publishes and waits for the broker's acknowledgement.
	 * @throws IllegalStateException when the broker did not acknowledge in time; the
	 * listener retries the record
	 */
	public void publish(StoredEvent event, Ngo ngo) {
		CloudEvent minimised = this.render.render(event, ngo, false);
		try {
			this.kafka
				.send(new ProducerRecord<>(Topics.PARTNER_EVENTS, CaseReferences.caseRef(ngo, event.caseId()),
						minimised))
				.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Partner feed record not acknowledged: " + ex.getClass().getName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing to the partner feed");
		}
	}

}
