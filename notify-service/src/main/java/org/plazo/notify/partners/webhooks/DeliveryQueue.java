package org.plazo.notify.partners.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.plazo.notify.partners.events.StoredEvent;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Deliveries and their lanes. A lane (one per endpoint and case) lists its deliveries in
 * order; only its head is due, so event n+1 of a case never reaches an endpoint before
 * event n succeeded or was given up. Every write addresses one document by {@code _id} (a
 * lane push or pull, a delivery update) or uses {@code findAndModify} on {@code _id} and
 * a condition, which the MongoDB stand-in serves from the index. Only the dispatcher's
 * query of due deliveries scans, once per poll.
 */
@Component
class DeliveryQueue implements InitializingBean {

	private final MongoOperations mongo;

	private final Clock clock;

	DeliveryQueue(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Indexes real MongoDB uses for the poll and the log (the stand-in scans anyway). */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(Delivery.class)
			.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
		this.mongo.indexOps(Delivery.class)
			.createIndex(new Index().on("endpointId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
		this.mongo.indexOps(Delivery.class).createIndex(new Index("finishedAt", Sort.Direction.ASC));
	}

	/**
	 * Queues an event for an endpoint, at the end of its case's lane. Queuing the same
	 * event twice (a redelivered record) adds nothing.
	 */
	void enqueue(WebhookEndpoint endpoint, StoredEvent event, boolean replay) {
		String id = replay ? "rpl_" + UUID.randomUUID()
				: "msg_" + UUID.nameUUIDFromBytes((endpoint.id() + "|" + event.id()).getBytes(StandardCharsets.UTF_8));
		Instant now = this.clock.instant();
		Delivery delivery = new Delivery(id, endpoint.id(), endpoint.ngoId(), event.caseId(), event.id(), event.type(),
				Delivery.Status.WAITING, 0, null, null, List.of(), null, replay, now, null);
		try {
			this.mongo.insert(delivery);
		}
		catch (DuplicateKeyException ex) {
			Delivery existing = this.mongo.findById(id, Delivery.class);
			if (existing == null || existing.status() != Delivery.Status.WAITING) {
				return;
			}
		}
		Lane lane = this.mongo.findAndModify(query(where("_id").is(delivery.lane())),
				new Update().addToSet("queue", id), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Lane.class);
		if (lane != null && !lane.queue().isEmpty() && lane.queue().get(0).equals(id)) {
			activate(id);
		}
	}

	/**
	 * Due deliveries no instance holds, earliest first: the one query that scans, once
	 * per poll.
	 */
	List<Delivery> due(int limit) {
		Instant now = this.clock.instant();
		return this.mongo.find(query(where("status").is(Delivery.Status.PENDING)
			.and("nextAttemptAt")
			.lte(now)
			.orOperator(where("leaseUntil").is(null), where("leaseUntil").lte(now))).with(Sort.by("nextAttemptAt"))
			.limit(limit), Delivery.class);
	}

	/**
	 * Claims a due delivery for this instance until the lease ends. One write by
	 * {@code _id}: {@code $max} moves the lease forward, and the document as it was tells
	 * whether this instance took a free, due delivery. Another instance that read it too
	 * finds the lease taken (its own {@code $max} only lengthens it by a moment).
	 */
	Optional<Delivery> claim(Delivery due, Instant leaseUntil) {
		Instant now = this.clock.instant();
		Delivery before = this.mongo.findAndModify(query(where("_id").is(due.id())),
				new Update().max("leaseUntil", leaseUntil), Delivery.class);
		boolean mine = before != null && before.status() == Delivery.Status.PENDING && before.nextAttemptAt() != null
				&& !before.nextAttemptAt().isAfter(now)
				&& (before.leaseUntil() == null || !before.leaseUntil().isAfter(now));
		return mine ? Optional.of(before) : Optional.empty();
	}

	/** Records a failed attempt and when to try again. */
	void retry(Delivery delivery, Delivery.Attempt attempt, Instant nextAttemptAt) {
		this.mongo.updateFirst(query(where("_id").is(delivery.id())),
				new Update().push("log", attempt)
					.set("attempts", attempt.number())
					.set("nextAttemptAt", nextAttemptAt)
					.unset("leaseUntil"),
				Delivery.class);
	}

	/**
	 * Ends a delivery and lets the next one of its lane go.
	 * @param attempt the last attempt, or {@code null} when none was made
	 */
	void finish(Delivery delivery, Delivery.Status status, String outcome, Delivery.Attempt attempt) {
		Update update = new Update().set("status", status)
			.set("outcome", outcome)
			.set("finishedAt", this.clock.instant())
			.unset("nextAttemptAt")
			.unset("leaseUntil");
		if (attempt != null) {
			update.push("log", attempt).set("attempts", attempt.number());
		}
		this.mongo.updateFirst(query(where("_id").is(delivery.id())), update, Delivery.class);
		Lane lane = this.mongo.findAndModify(query(where("_id").is(delivery.lane())),
				new Update().pull("queue", delivery.id()), FindAndModifyOptions.options().returnNew(true), Lane.class);
		if (lane != null && !lane.queue().isEmpty()) {
			activate(lane.queue().get(0));
		}
	}

	/**
	 * Cancels a delivery and everything behind it in its lane, e.g. because the endpoint
	 * was disabled.
	 */
	void cancelLane(Delivery delivery, String outcome) {
		Lane lane = this.mongo.findAndModify(query(where("_id").is(delivery.lane())),
				new Update().set("queue", List.of()), Lane.class);
		List<String> ids = (lane != null) ? lane.queue() : List.of();
		Update cancelled = new Update().set("status", Delivery.Status.CANCELLED)
			.set("outcome", outcome)
			.set("finishedAt", this.clock.instant())
			.unset("nextAttemptAt")
			.unset("leaseUntil");
		this.mongo.updateFirst(query(where("_id").is(delivery.id())), cancelled, Delivery.class);
		if (!ids.isEmpty()) {
			this.mongo.updateMulti(query(where("_id").in(ids)), cancelled, Delivery.class);
		}
	}

	/**
	 * An endpoint's log, latest first. Scans: an organisation's request, not a hot path.
	 */
	List<Delivery> log(String endpointId, int limit) {
		return this.mongo.find(
				query(where("endpointId").is(endpointId)).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
				Delivery.class);
	}

	/**
	 * Removes a case's deliveries and their places in the lanes. Scans the deliveries (an
	 * erasure, not a hot path; real MongoDB could index {@code caseId}).
	 */
	void forget(String caseId) {
		Query ofCase = query(where("caseId").is(caseId));
		ofCase.fields().include("_id");
		List<String> ids = this.mongo.find(ofCase, Delivery.class).stream().map(Delivery::id).toList();
		if (ids.isEmpty()) {
			return;
		}
		this.mongo.updateMulti(query(where("queue").in(ids)), new Update().pullAll("queue", ids.toArray()), Lane.class);
		this.mongo.remove(query(where("_id").in(ids)), Delivery.class);
	}

	Optional<Delivery> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Delivery.class));
	}

	/**
	 * Forgets finished deliveries and empty lanes older than a time. Scans: once per
	 * purge.
	 */
	long purge(Instant before) {
		long removed = this.mongo.remove(query(where("finishedAt").lt(before)), Delivery.class).getDeletedCount();
		this.mongo.remove(query(where("queue").size(0)), Lane.class);
		return removed;
	}

	/**
	 * Makes a lane's new head due now. Read, then written, by {@code _id}: only a
	 * delivery still waiting is activated. In the moment between, only a cancellation can
	 * change it, and a cancelled delivery made due is cancelled again at its attempt.
	 */
	private void activate(String id) {
		Delivery delivery = this.mongo.findById(id, Delivery.class);
		if (delivery != null && delivery.status() == Delivery.Status.WAITING) {
			this.mongo.updateFirst(query(where("_id").is(id)),
					new Update().set("status", Delivery.Status.PENDING).set("nextAttemptAt", this.clock.instant()),
					Delivery.class);
		}
	}

	/**
	 * The deliveries of one case to one endpoint, in order: {@code _id} is
	 * {@code <endpointId>|<caseId>}.
	 */
	@Document("partner_delivery_lanes")
	record Lane(@Id String id, List<String> queue) {

		Lane {
			queue = (queue != null) ? List.copyOf(queue) : List.of();
		}

	}

}
