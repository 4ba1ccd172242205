package org.plazo.deadlines.reminders;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.plazo.deadlines.reminders.Reminder.Status;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every MongoDB access to reminders. Hot paths address documents by {@code _id} alone;
 * the queries that scan run once per window or firing round, never per reminder.
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
		query.fields().include("_id", "fireAt", "status");
		return this.mongo.find(query, Reminder.class);
	}

	/**
	 * Claims, in one conditional update, every pending reminder due by {@code upTo} and
	 * every claimed one whose lease ran out before {@code now}, marking them with
	 * {@code token}. One scan on the stand-in (the {status, fireAt} index on MongoDB),
	 * run once per firing round, never per reminder.
	 * @return how many were claimed
	 */
	long claimDue(Instant upTo, Instant now, String token, Instant leaseUntil) {
		Query query = new Query(
				new Criteria().orOperator(Criteria.where("status").is(Status.PENDING).and("fireAt").lte(upTo),
						Criteria.where("status").is(Status.CLAIMED).and("leaseUntil").lt(now)));
		Update update = new Update().set("status", Status.CLAIMED)
			.set("leaseUntil", leaseUntil)
			.set("claimToken", token);
		return this.mongo.updateMulti(query, update, Reminder.class).getModifiedCount();
	}

	/**
	 * Extends the lease of what {@code token} still holds. Scans: once per half lease.
	 */
	void renew(String token, Instant leaseUntil) {
		this.mongo.updateMulti(new Query(Criteria.where("status").is(Status.CLAIMED).and("claimToken").is(token)),
				new Update().set("leaseUntil", leaseUntil), Reminder.class);
	}

	/**
	 * Ids still held by {@code token}: those a claim caught that the window had not
	 * loaded. Scans: at most once per firing round, and only then.
	 */
	List<String> claimedBy(String token) {
		Query query = new Query(Criteria.where("status").is(Status.CLAIMED).and("claimToken").is(token));
		query.fields().include("_id");
		return this.mongo.find(query, Reminder.class).stream().map(Reminder::id).toList();
	}

	/** Marks reminders fired, addressed by {@code _id} alone (the index). */
	void markFired(Collection<String> ids, Instant firedAt) {
		if (ids.isEmpty()) {
			return;
		}
		this.mongo.updateMulti(idIn(ids),
				new Update().set("status", Status.FIRED)
					.set("firedAt", firedAt)
					.unset("leaseUntil")
					.unset("claimToken"),
				Reminder.class);
	}

	/** Gives claimed reminders back, to be fired again at the next window. */
	void release(Collection<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.mongo.updateMulti(idIn(ids),
				new Update().set("status", Status.PENDING).unset("leaseUntil").unset("claimToken"), Reminder.class);
	}

	/**
	 * Deletes a case's reminders. Scans on the stand-in: runs once per erasure, never per
	 * reminder. A reminder claimed at this instant may still be published once.
	 */
	void deleteCase(String caseId) {
		this.mongo.remove(new Query(Criteria.where("caseId").is(caseId)), Reminder.class);
	}

	List<Reminder> byIds(Collection<String> ids) {
		return this.mongo.find(idIn(ids), Reminder.class);
	}

	private static Query idIn(Collection<String> ids) {
		return new Query(Criteria.where("_id").in(ids));
	}

	private static Query byId(String id) {
		return new Query(Criteria.where("_id").is(id));
	}

}
