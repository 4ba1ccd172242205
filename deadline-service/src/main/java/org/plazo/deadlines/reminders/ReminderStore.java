package org.plazo.deadlines.reminders;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.plazo.deadlines.reminders.Reminder.Status;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every MongoDB access to reminders. Hot paths address one document by {@code _id}; the
 * only query that scans is {@link #dueBefore}, run once per window.
 */
@Component
class ReminderStore {

	private final MongoTemplate mongo;

	ReminderStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Inserts reminders that do not exist yet and revives cancelled ones. Reads by
	 * {@code _id $in} first, so that every write is addressed by {@code _id} alone: a
	 * filter on {@code _id} and status scans on the MongoDB stand-in.
	 */
	void upsertAll(Collection<Reminder> reminders) {
		if (reminders.isEmpty()) {
			return;
		}
		Map<String, Status> stored = statuses(reminders.stream().map(Reminder::id).toList());
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
		int writes = 0;
		for (Reminder reminder : reminders) {
			Status status = stored.get(reminder.id());
			if (status == null) {
				bulk.upsert(byId(reminder.id()),
						new Update().setOnInsert("caseId", reminder.caseId())
							.setOnInsert("deadlineId", reminder.deadlineId())
							.setOnInsert("kind", reminder.kind())
							.setOnInsert("purpose", reminder.purpose())
							.setOnInsert("lastDay", reminder.lastDay())
							.setOnInsert("dueAt", reminder.dueAt())
							.setOnInsert("legalBasis", reminder.legalBasis())
							.setOnInsert("fireAt", reminder.fireAt())
							.setOnInsert("status", Status.PENDING));
				writes++;
			}
			else if (status == Status.CANCELLED) {
				bulk.updateOne(byId(reminder.id()), new Update().set("status", Status.PENDING));
				writes++;
			}
		}
		if (writes > 0) {
			bulk.execute();
		}
	}

	/** Cancels reminders that have not fired yet; the others stay as they are. */
	void cancelAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		List<String> pending = statuses(ids).entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == Status.PENDING)
			.map(Map.Entry::getKey)
			.toList();
		if (!pending.isEmpty()) {
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
			pending.forEach((id) -> bulk.updateOne(byId(id), new Update().set("status", Status.CANCELLED)));
			bulk.execute();
		}
	}

	private Map<String, Status> statuses(Collection<String> ids) {
		Query query = new Query(Criteria.where("_id").in(ids));
		query.fields().include("_id", "status");
		Map<String, Status> statuses = new HashMap<>();
		this.mongo.find(query, Reminder.class).forEach((r) -> statuses.put(r.id(), r.status()));
		return statuses;
	}

	/**
	 * Pending reminders due before {@code horizon}, and claimed ones whose lease has run
	 * out. Scans: run once per window, never per reminder.
	 */
	List<Reminder> dueBefore(Instant horizon, Instant now) {
		Query query = new Query(
				new Criteria().orOperator(Criteria.where("status").is(Status.PENDING).and("fireAt").lt(horizon),
						Criteria.where("status").is(Status.CLAIMED).and("leaseUntil").lt(now)))
			.with(Sort.by("fireAt"));
		query.fields().include("_id", "fireAt");
		return this.mongo.find(query, Reminder.class);
	}

	/**
	 * Claims a reminder for this dispatcher until {@code leaseUntil}; empty when it
	 * fired, was cancelled, or another dispatcher holds a live lease.
	 */
	Reminder claim(String id, Instant now, Instant leaseUntil) {
		Update update = new Update().set("status", Status.CLAIMED).set("leaseUntil", leaseUntil);
		FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);
		Reminder claimed = this.mongo.findAndModify(
				new Query(Criteria.where("_id").is(id).and("status").is(Status.PENDING)), update, returnNew,
				Reminder.class);
		if (claimed == null) {
			claimed = this.mongo.findAndModify(
					new Query(Criteria.where("_id").is(id).and("status").is(Status.CLAIMED).and("leaseUntil").lt(now)),
					update, returnNew, Reminder.class);
		}
		return claimed;
	}

	void markFired(String id, Instant firedAt) {
		this.mongo.updateFirst(byId(id),
				new Update().set("status", Status.FIRED).set("firedAt", firedAt).unset("leaseUntil"), Reminder.class);
	}

	/** Gives a claimed reminder back, to be fired again at the next window. */
	void release(String id) {
		this.mongo.updateFirst(byId(id), new Update().set("status", Status.PENDING).unset("leaseUntil"),
				Reminder.class);
	}

	List<Reminder> byIds(Collection<String> ids) {
		return this.mongo.find(new Query(Criteria.where("_id").in(ids)), Reminder.class);
	}

	private static Query byId(String id) {
		return new Query(Criteria.where("_id").is(id));
	}

}
