package org.plazo.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.plazo.events.EventCodec;
import org.plazo.events.Topics;
import org.plazo.events.notifications.OptOutRecorded;
import org.plazo.notify.testing.MongoStandIn;
import org.plazo.notify.testing.MutableClock;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The relay on the MongoDB-wire stand-in, with a Kafka template that acknowledges or
 * fails.
 */
class EventOutboxTests {

	private static final Instant NOW = Instant.parse("2026-08-04T15:00:00Z");

	private final MongoStandIn mongo = new MongoStandIn();

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<String, CloudEvent> kafka = mock(KafkaTemplate.class);

	private final MutableClock clock = new MutableClock(NOW);

	private final EventOutbox outbox = new EventOutbox(this.mongo.template(), this.kafka, new EventCodec(),
			List.of(new OutboxCollection("phone_contacts"), new OutboxCollection("registrations")), this.clock,
			Duration.ofSeconds(10));

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void publishedEventsLeaveTheOutboxKeyedByTheirCase() {
		PendingEvent first = PendingEvent.of("case-1:opt-out:1", new OptOutRecorded("case-1", "SMS", "BAJA", NOW), NOW);
		PendingEvent second = PendingEvent.of("case-2:opt-out:1", new OptOutRecorded("case-2", "SMS", "BAJA", NOW),
				NOW);
		store("phone_contacts", "+50760001234", first, second);
		acknowledge();

		this.outbox.publish("phone_contacts", "+50760001234", List.of(first, second));

		@SuppressWarnings("unchecked")
		ArgumentCaptor<ProducerRecord<String, CloudEvent>> records = ArgumentCaptor.forClass(ProducerRecord.class);
		verify(this.kafka, times(2)).send(records.capture());
		assertThat(records.getAllValues()).extracting(ProducerRecord::topic).containsOnly(Topics.NOTIFICATION_EVENTS);
		assertThat(records.getAllValues()).extracting(ProducerRecord::key).containsExactly("case-1", "case-2");
		assertThat(records.getAllValues().get(0).value().getId()).isEqualTo("case-1:opt-out:1");
		assertThat(records.getAllValues().get(0).value().getType())
			.isEqualTo("org.plazo.notification.opt-out-recorded.v1");
		assertThat(this.outbox.withEventsRecordedBefore("phone_contacts", NOW, 10)).isEmpty();
	}

	@Test
	void eventTheBrokerDidNotTakeStaysForTheSweep() {
		PendingEvent event = PendingEvent.of("case-1:opt-out:1", new OptOutRecorded("case-1", "SMS", "STOP", NOW), NOW);
		store("registrations", "+50760001234", event);
		given(this.kafka.send(any(ProducerRecord.class)))
			.willReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));

		this.outbox.publish("registrations", "+50760001234", List.of(event));
		assertThat(this.outbox.withEventsRecordedBefore("registrations", NOW, 10)).hasSize(1);

		acknowledge();
		// Younger than the grace period: the write that saved it may still publish it.
		this.outbox.sweep();
		assertThat(this.outbox.withEventsRecordedBefore("registrations", NOW, 10)).hasSize(1);
		this.clock.advance(Duration.ofSeconds(10));
		this.outbox.sweep();
		assertThat(this.outbox.withEventsRecordedBefore("registrations", NOW, 10)).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private void acknowledge() {
		given(this.kafka.send(any(ProducerRecord.class)))
			.willReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
	}

	private void store(String collection, String id, PendingEvent... events) {
		List<Document> outbox = java.util.Arrays.stream(events)
			.map((event) -> new Document("eventId", event.eventId()).append("type", event.type())
				.append("time", java.util.Date.from(event.time()))
				.append("data", event.data()))
			.toList();
		this.mongo.template().getCollection(collection).insertOne(new Document("_id", id).append("outbox", outbox));
	}

}
