package org.plazo.cases.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.cloudevents.CloudEvent;
import io.micrometer.context.ContextSnapshotFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.EventType;
import org.plazo.events.PlazoEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Publishes the events waiting in the {@value #FIELD} array of the documents of one
 * collection, in order, and removes each one only after Kafka acknowledged it. At least
 * once: a crash between the ack and the removal publishes the event again, with the same
 * id.
 * <p>
 * Every query and update goes by {@code _id}, except the sweep, which scans for leftovers
 * once per interval.
 */
public class OutboxRelay implements DisposableBean {

	/** The array of pending events in each document. */
	public static final String FIELD = "outbox";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final long ACK_TIMEOUT_SECONDS = 30;

	private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

	private final EventCodec codec = new EventCodec();

	private final MongoOperations mongo;

	private final KafkaOperations<String, CloudEvent> kafka;

	private final String collection;

	private final URI source;

	private final ExecutorService executor;

	public OutboxRelay(MongoOperations mongo, KafkaOperations<String, CloudEvent> kafka, String collection,
			URI source) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.collection = collection;
		this.source = source;
		// One thread keeps publishing ordered and off the request thread. A full queue
		// drops work safely: the events stay in their documents for the sweep.
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000),
				new CustomizableThreadFactory("outbox-" + collection + "-"), new ThreadPoolExecutor.DiscardPolicy());
	}

	/** Publishes the pending events of one document soon, on the relay's own thread. */
	public void publishSoon(String id) {
		FaultPoint.reached(FaultPoint.OUTBOX_AFTER_WRITE);
		// The trace of the request that recorded the events goes on into their records.
		this.executor.execute(CONTEXT.captureAll().wrap(() -> {
			try {
				publish(id);
			}
			catch (RuntimeException ex) {
				log.warn("Outbox relay of {} {} failed, left for the sweep: {}", this.collection, id,
						ex.getClass().getName());
			}
		}));
	}

	/** Publishes whatever a crash or a broker outage left behind. */
	@Scheduled(initialDelay = 0, fixedDelayString = "${plazo.outbox.sweep-interval:PT1M}")
	public void sweep() {
		Query withPendingEvents = Query.query(Criteria.where(FIELD + ".0").exists(true));
		withPendingEvents.fields().include("_id");
		try (Stream<Document> documents = this.mongo.stream(withPendingEvents, Document.class, this.collection)) {
			// Stop at the first failed send: with the broker away, every further try
			// would only wait out its timeout. The next sweep starts over.
			Iterator<Document> pending = documents.iterator();
			boolean sent = true;
			while (sent && pending.hasNext()) {
				String id = pending.next().get("_id").toString();
				try {
					sent = publish(id);
				}
				catch (RuntimeException ex) {
					// One unreadable event must not hold back every other document.
					log.error("Outbox of {} {} holds an event that cannot be published: {}", this.collection, id,
							ex.getClass().getName());
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outbox sweep of {} stopped: {}", this.collection, ex.getClass().getName());
		}
	}

	/**
	 * How many events wait to be published. Scans the collection: call it once in a
	 * while, never per event.
	 * @return the number of pending events
	 */
	public long backlog() {
		Query withPendingEvents = Query.query(Criteria.where(FIELD + ".0").exists(true));
		withPendingEvents.fields().include(FIELD);
		try (Stream<Document> documents = this.mongo.stream(withPendingEvents, Document.class, this.collection)) {
			return documents.mapToLong((document) -> document.getList(FIELD, Object.class).size()).sum();
		}
	}

	/**
	 * Publishes the pending events of one document, in order, stopping at the first
	 * failure so that a later event never overtakes an earlier one. Removes those
	 * published, whatever happens next.
	 * @param id the document's id, also the Kafka key
	 * @return whether every pending event was sent
	 */
	private boolean publish(String id) {
		List<String> published = new ArrayList<>();
		try {
			for (RecordedEvent event : pendingEvents(id)) {
				if (!send(toRecord(id, event), event.eventId(), id)) {
					return false;
				}
				published.add(event.eventId());
			}
			return true;
		}
		finally {
			if (!published.isEmpty()) {
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
						new Update().pull(FIELD, new Document("eventId", new Document("$in", published))),
						this.collection);
			}
		}
	}

	private List<RecordedEvent> pendingEvents(String id) {
		Query query = Query.query(Criteria.where("_id").is(id));
		query.fields().include(FIELD);
		Pending pending = this.mongo.findOne(query, Pending.class, this.collection);
		return (pending != null && pending.outbox() != null) ? pending.outbox() : List.of();
	}

	private ProducerRecord<String, CloudEvent> toRecord(String key, RecordedEvent recorded) {
		EventType<?> type = EventCatalog.byName(recorded.type())
			.orElseThrow(() -> new IllegalStateException("Unknown event type " + recorded.type()));
		PlazoEvent event = this.codec.fromJson(type, recorded.data().getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(type.topic(), key, this.codec.toCloudEvent(event, this.source, recorded.eventId(),
				recorded.recordedAt().atOffset(ZoneOffset.UTC)));
	}

	/** Sends and waits for the broker's ack. */
	private boolean send(ProducerRecord<String, CloudEvent> record, String eventId, String id) {
		try {
			this.kafka.send(record).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			// Never the event's data: it may hold a phone number or an email address.
			log.warn("Could not publish event {} of {} {}, left for the sweep: {}", eventId, this.collection, id,
					((ex.getCause() != null) ? ex.getCause() : ex).getClass().getName());
			return false;
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	/** The pending events of one document, read without the rest of it. */
	record Pending(String id, List<RecordedEvent> outbox) {

	}

}
