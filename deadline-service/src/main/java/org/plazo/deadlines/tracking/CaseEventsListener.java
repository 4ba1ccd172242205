package org.plazo.deadlines.tracking;

import io.cloudevents.CloudEvent;
import org.plazo.events.Envelope;
import org.plazo.events.EventCodec;
import org.plazo.events.MalformedEventException;
import org.plazo.events.PlazoEvent;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseEvent;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin: decodes, then hands the event to deadline tracking. Unknown event types are
 * skipped; unreadable ones go to the dead-letter topic.
 */
@Component
class CaseEventsListener {

	private final DeadlineTracking tracking;

	private final EventCodec codec = new EventCodec();

	CaseEventsListener(DeadlineTracking tracking) {
		this.tracking = tracking;
	}

	// One consumer thread per partition (3 on every topic here): the listener waits on
	// MongoDB and the broker far more than it computes.
	@KafkaListener(id = "deadline-service-case-events", topics = Topics.CASE_EVENTS,
			concurrency = "${plazo.tracking.listener-concurrency:3}")
	@SuppressWarnings("unchecked")
	void on(CloudEvent event) {
		if (event == null) {
			throw new MalformedEventException("Record has no CloudEvent");
		}
		this.codec.fromCloudEvent(event).ifPresent((Envelope<PlazoEvent> envelope) -> {
			if (envelope.data() instanceof CaseEvent) {
				this.tracking.apply((Envelope<? extends CaseEvent>) (Envelope<?>) envelope);
			}
		});
	}

}
