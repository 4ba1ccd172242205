package org.plazo.notify.partners;

import io.cloudevents.CloudEvent;
import org.plazo.events.EventCodec;
import org.plazo.events.MalformedEventException;
import org.plazo.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin: reads the case, deadline and notification streams in the partners' own consumer
 * group ({@code notify-service-partners}), independent of the service's delivery
 * listeners, and hands each event to the fan-out. Unknown types are skipped.
 */
@Component
class PartnerEventsListener {

	private final EventCodec codec;

	private final PartnerFanout fanout;

	PartnerEventsListener(EventCodec codec, PartnerFanout fanout) {
		this.codec = codec;
		this.fanout = fanout;
	}

	@KafkaListener(id = "notify-partners", groupId = "notify-service-partners",
			topics = { Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS },
			containerFactory = PartnersConfiguration.CONTAINER_FACTORY)
	void on(CloudEvent event) {
		if (event == null) {
			throw new MalformedEventException("Record has no CloudEvent");
		}
		this.codec.fromCloudEvent(event).ifPresent(this.fanout::accept);
	}

}
