package org.plazo.notify.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.plazo.events.EventCodec;
import org.plazo.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events in notifications' outboxes: right after each save, and by a sweep
 * at start-up and every minute for what a crash or a broker outage left behind. An event
 * leaves the outbox only once the broker has acknowledged it, so it is published at least
 * once; consumers de-duplicate by CloudEvent id.
 */
@Component
class NotificationRelay {

	static final URI SOURCE = URI.create("urn:plazo:notify-service");

	private static final Logger log = LoggerFactory.getLogger(NotificationRelay.class);

	private static final int SWEEP_BATCH = 500;

	private final Notifications notifications;

	private final KafkaTemplate<String, CloudEvent> kafka;

	private final EventCodec codec;

	private final Clock clock;

	private final Duration grace;

	NotificationRelay(Notifications notifications, KafkaTemplate<String, CloudEvent> kafka, EventCodec codec,
			Clock clock, @Value("${plazo.notify.outbox.grace}") Duration grace) {
		this.notifications = notifications;
		this.kafka = kafka;
		this.codec = codec;
		this.clock = clock;
		this.grace = grace;
	}

	void publish(Notification notification) {
		for (PendingEvent pending : notification.outbox()) {
			CloudEvent event = this.codec.toCloudEvent(pending.event(), SOURCE, pending.eventId(),
					pending.time().atOffset(ZoneOffset.UTC));
			try {
				this.kafka.send(new ProducerRecord<>(Topics.NOTIFICATION_EVENTS, notification.caseId(), event))
					.get(10, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException | KafkaException ex) {
				log.warn("Event {} not published yet ({}); the outbox sweep will retry", pending.eventId(),
						ex.getClass().getSimpleName());
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			this.notifications.removeFromOutbox(notification.id(), pending.eventId());
		}
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${plazo.notify.outbox.sweep-interval}")
	void sweep() {
		// Younger events are most likely being published by the delivery that saved them.
		this.notifications.withEventsRecordedBefore(this.clock.instant().minus(this.grace), SWEEP_BATCH)
			.forEach(this::publish);
	}

}
