package org.plazo.notify.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.bson.Document;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;
import org.plazo.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Publishes the events in aggregates' outboxes to {@code plazo.notification-events.v1},
 * keyed by each event's case: right after each save, and by a sweep at start-up and every
 * minute for what a crash or a broker outage left behind. An event leaves the outbox
 * ({@code $pull} by event id on {@code _id}) only once the broker has acknowledged it, so
 * it is published at least once; consumers de-duplicate by CloudEvent id.
 */
@Component
public class EventOutbox {

	static final URI SOURCE = URI.create("urn:plazo:notify-service");

	private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

	private static final int SWEEP_BATCH = 500;

	private final MongoOperations mongo;

	private final KafkaTemplate<String, CloudEvent> kafka;

	private final EventCodec codec;

	private final List<OutboxCollection> collections;

	private final Clock clock;

	private final Duration grace;

	EventOutbox(MongoOperations mongo, KafkaTemplate<String, CloudEvent> kafka, EventCodec codec,
			List<OutboxCollection> collections, Clock clock, @Value("${plazo.notify.outbox.grace}") Duration grace) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.codec = codec;
		this.collections = collections;
		this.clock = clock;
		this.grace = grace;
	}

	/**
	 * Publishes a document's pending events, in order, and removes each from the outbox
	 * once the broker has it. Stops at the first failure; the sweep tries again.
	 * @param collection the document's collection
	 * @param id the document's {@code _id}
	 * @param pending its pending events
	 */
	public void publish(String collection, String id, List<PendingEvent> pending) {
		for (PendingEvent event : pending) {
			PlazoEvent data = event.event();
			CloudEvent cloudEvent = this.codec.toCloudEvent(data, SOURCE, event.eventId(),
					event.time().atOffset(ZoneOffset.UTC));
			try {
				this.kafka.send(new ProducerRecord<>(Topics.NOTIFICATION_EVENTS, data.caseId(), cloudEvent))
					.get(10, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException | KafkaException ex) {
				log.warn("Event {} not published yet ({}); the outbox sweep will retry", event.eventId(),
						ex.getClass().getSimpleName());
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			this.mongo.updateFirst(query(where("_id").is(id)),
					new Update().pull("outbox", new Document("eventId", event.eventId())), collection);
		}
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${plazo.notify.outbox.sweep-interval}")
	public void sweep() {
		// Younger events are most likely being published by the write that saved them.
		for (OutboxCollection collection : this.collections) {
			withEventsRecordedBefore(collection.name(), this.clock.instant().minus(this.grace), SWEEP_BATCH)
				.forEach((holder) -> publish(collection.name(), holder.id(),
						holder.outbox().stream().map((event) -> collection.open(holder.id(), event)).toList()));
		}
	}

	/**
	 * How many events wait in the outboxes of every collection. Scans them: call it once
	 * in a while, never per message.
	 * @return the number of pending events
	 */
	public long backlog() {
		long pending = 0;
		for (OutboxCollection collection : this.collections) {
			var withEvents = query(where("outbox.0").exists(true));
			withEvents.fields().include("outbox");
			for (Document document : this.mongo.find(withEvents, Document.class, collection.name())) {
				pending += document.getList("outbox", Object.class).size();
			}
		}
		return pending;
	}

	/**
	 * Documents with events left in their outbox. Scans the collection: run it once in a
	 * while, never per message.
	 * @param collection the collection
	 * @param cutoff only events recorded at or before this instant count
	 * @param limit at most this many documents
	 * @return the documents' ids and outboxes
	 */
	List<OutboxHolder> withEventsRecordedBefore(String collection, Instant cutoff, int limit) {
		return this.mongo.find(query(where("outbox.time").lte(cutoff)).limit(limit), OutboxHolder.class, collection);
	}

	/**
	 * The part of any outbox-holding document the relay reads.
	 */
	record OutboxHolder(@Id String id, List<PendingEvent> outbox) {

		OutboxHolder {
			outbox = (outbox != null) ? outbox : List.of();
		}

	}

}
