package org.plazo.notify.partners.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.plazo.events.Envelope;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;
import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseAssigned;
import org.plazo.notify.partners.support.PartnerProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The events fanned out to partners, minimised, kept for replays for the retention
 * period. Written and read by {@code _id}; only a replay and the daily purge scan.
 */
@Service
public class PartnerEventStore implements InitializingBean {

	/** The most events one replay sends. */
	public static final int REPLAY_LIMIT = 10_000;

	private final MongoOperations mongo;

	private final EventCodec codec;

	private final Clock clock;

	private final Duration retention;

	private final JsonMapper json = JsonMapper.builder().build();

	public PartnerEventStore(MongoOperations mongo, EventCodec codec, Clock clock, PartnerProperties properties) {
		this.mongo = mongo;
		this.codec = codec;
		this.clock = clock;
		this.retention = properties.retention();
	}

	/**
	 * Indexes real MongoDB uses for replays and the purge (the stand-in scans anyway).
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(StoredEvent.class).createIndex(new Index("time", Sort.Direction.ASC));
		this.mongo.indexOps(StoredEvent.class).createIndex(new Index("receivedAt", Sort.Direction.ASC));
	}

	/**
	 * Keeps an event, minimised, once.
	 * @return the event as kept (perhaps by an earlier delivery of the same event), or
	 * empty for a type partners do not receive
	 */
	public Optional<StoredEvent> keep(Envelope<PlazoEvent> envelope) {
		Optional<tools.jackson.databind.node.ObjectNode> data = Minimisation.keep(envelope.type(),
				this.json.readTree(this.codec.toJson(envelope.data())));
		if (data.isEmpty()) {
			return Optional.empty();
		}
		PlazoEvent event = envelope.data();
		String noticeFor = (event instanceof CaseAssigned assigned) ? assigned.ngoId()
				: (event instanceof AssignmentRevoked revoked) ? revoked.ngoId() : null;
		Instant now = this.clock.instant();
		Instant time = (envelope.time() != null) ? envelope.time().toInstant() : now;
		StoredEvent stored = new StoredEvent(envelope.id(), envelope.type(), envelope.source().toString(),
				event.caseId(), noticeFor, time,
				new String(this.json.writeValueAsBytes(data.get()), StandardCharsets.UTF_8), now, false);
		try {
			return Optional.of(this.mongo.insert(stored));
		}
		catch (DuplicateKeyException ex) {
			return find(envelope.id());
		}
	}

	/** Forgets every event kept for a case (its person was erased). */
	public void forget(String caseId) {
		this.mongo.remove(query(where("caseId").is(caseId)), StoredEvent.class);
	}

	public void markFannedOut(String eventId) {
		this.mongo.updateFirst(query(where("_id").is(eventId)), new Update().set("fannedOut", true), StoredEvent.class);
	}

	public Optional<StoredEvent> find(String eventId) {
		return Optional.ofNullable(this.mongo.findById(eventId, StoredEvent.class));
	}

	/**
	 * The events that happened since a time, oldest first. Scans: one replay, asked for
	 * by an organisation, never per event.
	 */
	public List<StoredEvent> since(Instant since) {
		return this.mongo.find(query(where("time").gte(since)).with(Sort.by("time", "receivedAt")).limit(REPLAY_LIMIT),
				StoredEvent.class);
	}

	/** The earliest time a replay can reach back to. */
	public Instant retainedSince() {
		return this.clock.instant().minus(this.retention);
	}

	/**
	 * Forgets events older than the retention period. Scans: once per purge.
	 * @return how many were removed
	 */
	public long purge() {
		return this.mongo.remove(query(where("receivedAt").lt(retainedSince())), StoredEvent.class).getDeletedCount();
	}

}
