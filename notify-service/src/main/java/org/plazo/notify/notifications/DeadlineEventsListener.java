package org.plazo.notify.notifications;

import io.cloudevents.CloudEvent;
import org.plazo.events.EventCodec;
import org.plazo.events.Topics;
import org.plazo.events.deadlines.DeadlineEvent;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.deadlines.DeadlineProjection;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Delivers reminders as they fall due on the deadline stream, and keeps the projection of
 * each case's deadlines that PLAZO answers from. One listener for the topic: two would
 * share its partitions in the consumer group.
 */
@Component
class DeadlineEventsListener {

	private final EventCodec codec;

	private final ReminderDelivery delivery;

	private final DeadlineProjection deadlines;

	DeadlineEventsListener(EventCodec codec, ReminderDelivery delivery, DeadlineProjection deadlines) {
		this.codec = codec;
		this.delivery = delivery;
		this.deadlines = deadlines;
	}

	@KafkaListener(id = "notify-deadline-events", idIsGroup = false, topics = Topics.DEADLINE_EVENTS)
	void on(CloudEvent event) {
		this.codec.fromCloudEvent(event).ifPresent((envelope) -> {
			Object data = envelope.data();
			// Java 17 has no pattern switch. A DeadlineScheduled tells the person nothing
			// yet: they hear of a deadline when one of its reminders falls due.
			if (data instanceof ReminderDue reminder) {
				this.delivery.deliver(reminder);
			}
			else if (data instanceof DeadlineEvent deadline) {
				this.deadlines.apply(envelope.id(), deadline);
			}
		});
	}

}
