package org.plazo.deadlines.tracking;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
 * each save, and as a sweep for documents a crash left behind.
 */
@Component
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final EventPublisher publisher;

	private final MongoTemplate mongo;

	private final EventCodec codec = new EventCodec();

	OutboxRelay(EventPublisher publisher, MongoTemplate mongo) {
		this.publisher = publisher;
		this.mongo = mongo;
	}

	/** Publishes a document's pending events; on failure they stay for the sweep. */
	void relay(String caseId, List<PendingEvent> pending) {
		if (pending.isEmpty()) {
			return;
		}
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
		leftovers.forEach((doc) -> relay(doc.caseId(), doc.outbox()));
		return leftovers.size();
	}

	private org.plazo.events.PlazoEvent decode(PendingEvent event) {
		EventType<?> type = EventCatalog.byName(event.type())
			.orElseThrow(() -> new IllegalStateException("Unknown pending event type " + event.type()));
		return this.codec.fromJson(type, event.json().getBytes(StandardCharsets.UTF_8));
	}

}
