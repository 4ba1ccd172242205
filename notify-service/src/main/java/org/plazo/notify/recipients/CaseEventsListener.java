package org.plazo.notify.recipients;

import io.cloudevents.CloudEvent;
import org.plazo.events.Envelope;
import org.plazo.events.EventCodec;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseOpened;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns how to reach people from the case stream.
 */
@Component
class CaseEventsListener {

	private final EventCodec codec;

	private final RecipientDirectory directory;

	CaseEventsListener(EventCodec codec, RecipientDirectory directory) {
		this.codec = codec;
		this.directory = directory;
	}

	@KafkaListener(id = "notify-case-events", idIsGroup = false, topics = Topics.CASE_EVENTS)
	void on(CloudEvent event) {
		this.codec.fromCloudEvent(event).map(Envelope::data).ifPresent((data) -> {
			// Java 17 has no pattern switch; CaseEvent has one type so far.
			if (data instanceof CaseOpened opened) {
				this.directory.register(opened);
			}
		});
	}

}
