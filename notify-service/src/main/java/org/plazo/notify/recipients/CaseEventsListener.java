package org.plazo.notify.recipients;

import io.cloudevents.CloudEvent;
import org.plazo.events.Envelope;
import org.plazo.events.EventCodec;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactDetailsChanged;
import org.plazo.events.cases.PersonErased;
import org.plazo.notify.privacy.PersonErasure;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns how to reach people from the case stream: on a case opened, or its contact
 * details changed, asks case-service's contact lookup; on a person erased, erases them.
 */
@Component
class CaseEventsListener {

	private final EventCodec codec;

	private final RecipientDirectory directory;

	private final PersonErasure erasure;

	CaseEventsListener(EventCodec codec, RecipientDirectory directory, PersonErasure erasure) {
		this.codec = codec;
		this.directory = directory;
		this.erasure = erasure;
	}

	@KafkaListener(id = "notify-case-events", idIsGroup = false, topics = Topics.CASE_EVENTS)
	void on(CloudEvent event) {
		this.codec.fromCloudEvent(event).map(Envelope::data).ifPresent((data) -> {
			// Java 17 has no pattern switch.
			if (data instanceof CaseOpened opened) {
				if (opened.phone() != null || opened.email() != null) {
					// Written before contact details moved to the lookup: migration path.
					this.directory.register(opened);
				}
				else {
					this.directory.refresh(opened.caseId());
				}
			}
			else if (data instanceof ContactDetailsChanged changed) {
				this.directory.refresh(changed.caseId());
			}
			else if (data instanceof PersonErased erased) {
				this.erasure.erase(erased);
			}
		});
	}

}
