package org.plazo.notify.notifications;

import io.cloudevents.CloudEvent;
import org.plazo.events.Envelope;
import org.plazo.events.EventCodec;
import org.plazo.events.Topics;
import org.plazo.events.deadlines.ReminderDue;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Delivers reminders as they fall due on the deadline stream.
 */
@Component
class DeadlineEventsListener {

	private final EventCodec codec;

	private final ReminderDelivery delivery;

	DeadlineEventsListener(EventCodec codec, ReminderDelivery delivery) {
		this.codec = codec;
		this.delivery = delivery;
	}

	@KafkaListener(id = "notify-deadline-events", idIsGroup = false, topics = Topics.DEADLINE_EVENTS)
	void on(CloudEvent event) {
		this.codec.fromCloudEvent(event).map(Envelope::data).ifPresent((data) -> {
			// Java 17 has no pattern switch. A DeadlineScheduled tells the person nothing
			// yet: they hear of a deadline when one of its reminders falls due.
			if (data instanceof ReminderDue reminder) {
				this.delivery.deliver(reminder);
			}
		});
	}

}
