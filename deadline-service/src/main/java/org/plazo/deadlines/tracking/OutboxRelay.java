package org.plazo.deadlines.tracking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.plazo.deadlines.events.EventPublisher;
import org.plazo.deadlines.events.EventPublisher.Outgoing;
import org.plazo.deadlines.events.EventPublisher.PublishFailedException;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in case documents, then removes them. Runs right after
 * each save (on its own thread, batching what waits), and as a sweep for documents a
 * crash left behind.
 */
@Component
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final EventPublisher publisher;

	private final MongoTemplate mongo;

	private final EventCodec codec = new EventCodec();

	private static final int BATCH = 1000;

	/**
	 * Bounded: when the broker is away the consumers must not fill the heap. Events that
	 * find it full are safe in their documents and go out with the next sweep.
	 */
	private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>(10_000);

	/** One thread, so that events leave in the order they were saved. */
	private final ExecutorService worker = Executors
		.newSingleThreadExecutor((task) -> new Thread(task, "deadline-service-outbox-relay"));

	/** Pending events the last sweep found. */
	private final AtomicInteger backlog = new AtomicInteger();

	OutboxRelay(EventPublisher publisher, MongoTemplate mongo, MeterRegistry registry) {
		this.publisher = publisher;
		this.mongo = mongo;
		Gauge.builder("plazo.outbox.backlog", this.backlog, AtomicInteger::get)
			.description("Pending outbox events seen by the relay's last sweep")
			.register(registry);
	}

	/**
	 * Publishes a document's pending events soon, on the relay's own thread, so that the
	 * caller does not wait for the broker: the events are already safe in the document.
	 * Waiting events of many documents go out together, with one wait for the
	 * acknowledgements, in the order they were saved.
	 */
	void relaySoon(String caseId, List<PendingEvent> pending) {
		if (pending.isEmpty()) {
			return;
		}
		FaultPoint.reached(FaultPoint.OUTBOX_AFTER_WRITE);
		if (!this.waiting.offer(new Waiting(caseId, pending))) {
			log.debug("Outbox relay queue full; events stay for the sweep");
			return;
		}
		try {
			this.worker.execute(this::relayWaiting);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the sweep at the next start publishes them.
			log.debug("Outbox relay stopped; events stay for the sweep");
		}
	}

	private void relayWaiting() {
		List<Waiting> batch = new ArrayList<>();
		this.waiting.drainTo(batch, BATCH);
		if (batch.isEmpty()) {
			return;
		}
		List<Outgoing> outgoing = batch.stream()
			.flatMap((w) -> w.pending().stream())
			.map((event) -> new Outgoing(event.id(), event.time(), decode(event)))
			.toList();
		try {
			this.publisher.publishAll(outgoing);
		}
		catch (RuntimeException ex) {
			log.warn("Deadline events of {} cases stay in their outbox until Kafka takes them", batch.size(), ex);
			return;
		}
		// Straight to the driver: one update per case of every poll, and mapping each
		// through Spring Data showed in the ingest profile.
		List<WriteModel<org.bson.Document>> pulls = new ArrayList<>(batch.size());
		for (Waiting w : batch) {
			List<String> ids = w.pending().stream().map(PendingEvent::id).toList();
			pulls.add(new UpdateOneModel<>(Filters.eq("_id", w.caseId()),
					// Spring Data stores an embedded record's "id" as "_id".
					Updates.pull("outbox", new org.bson.Document("_id", new org.bson.Document("$in", ids)))));
		}
		this.mongo.getCollection(this.mongo.getCollectionName(CaseDeadlines.class))
			.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.worker.shutdown();
		this.worker.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** Publishes a document's pending events; on failure they stay for the sweep. */
	void relay(String caseId, List<PendingEvent> pending) {
		if (pending.isEmpty()) {
			return;
		}
		FaultPoint.reached(FaultPoint.OUTBOX_AFTER_WRITE);
		List<Outgoing> outgoing = pending.stream()
			.map((event) -> new Outgoing(event.id(), event.time(), decode(event)))
			.toList();
		try {
			this.publisher.publishAll(outgoing);
		}
		catch (PublishFailedException ex) {
			log.warn("Deadline events of a case stay in its outbox until Kafka takes them", ex);
			return;
		}
		List<String> ids = pending.stream().map(PendingEvent::id).toList();
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(caseId)),
				new Update().pull("outbox", new org.bson.Document("id", new org.bson.Document("$in", ids))),
				CaseDeadlines.class);
	}

	/** Publishes whatever a crash left behind. Scans: runs once per window. */
	int sweep() {
		List<CaseDeadlines> leftovers = this.mongo.find(new Query(Criteria.where("outbox.0").exists(true)).limit(1000),
				CaseDeadlines.class);
		this.backlog.set(leftovers.stream().mapToInt((doc) -> doc.outbox().size()).sum());
		leftovers.forEach((doc) -> relay(doc.caseId(), doc.outbox()));
		return leftovers.size();
	}

	private record Waiting(String caseId, List<PendingEvent> pending) {
	}

	private org.plazo.events.PlazoEvent decode(PendingEvent event) {
		EventType<?> type = EventCatalog.byName(event.type())
			.orElseThrow(() -> new IllegalStateException("Unknown pending event type " + event.type()));
		return this.codec.fromJson(type, event.json().getBytes(StandardCharsets.UTF_8));
	}

}
