package org.plazo.deadlines.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.plazo.deadlines.reminders.Reminder.Status;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every MongoDB access to reminders. Hot paths address documents by {@code _id} alone:
 * reminders, and the buckets that list them by minute and slot. Only the sweep
 * ({@link #dueBefore}) queries by status and time; it runs at start-up, when a dispatcher
 * takes a slot over, and hourly.
 */
@Component
class ReminderStore {

	static final String REMINDERS = "reminders";

	static final String BUCKETS = "reminder_buckets";

	private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

	private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

	private static final int DUPLICATE_KEY = 11000;

	/** Largest {@code $in} sent at once, so that no single read holds the store long. */
	static final int READ_CHUNK = 5_000;

	private final MongoTemplate mongo;

	private final Clock clock;

	ReminderStore(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Inserts reminders that do not exist yet and revives cancelled ones; both are listed
	 * in their bucket first, so that a reminder is never stored without a way to find it
	 * by {@code _id} (an entry whose reminder was never written costs one read). Reads by
	 * {@code _id $in} first, so that every write is addressed by {@code _id} alone: a
	 * filter on {@code _id} and status scans on the MongoDB stand-in.
	 *
	 * <p>
	 * The hottest write of ingest, so it goes to the driver directly, with the documents
	 * Spring Data would write (the driver's java.time codecs, as
	 * {@code MongoConfiguration} sets): mapping each update through Spring Data cost a
	 * third of the case-events listener's CPU in the benchmark's profile.
	 */
	void upsertAll(Collection<Reminder> reminders) {
		if (reminders.isEmpty()) {
			return;
		}
		Map<String, Status> stored = statuses(reminders.stream().map(Reminder::id).toList());
		List<WriteModel<Document>> writes = new ArrayList<>();
		Map<ReminderBucket, List<String>> listed = new HashMap<>();
		Instant now = this.clock.instant();
		for (Reminder reminder : reminders) {
			Status status = stored.get(reminder.id());
			if (status == null) {
				writes.add(new InsertOneModel<>(document(reminder)));
			}
			else if (status == Status.CANCELLED) {
				writes.add(new UpdateOneModel<>(Filters.eq("_id", reminder.id()),
						Updates.set("status", Status.PENDING.name())));
			}
			else {
				continue;
			}
			listed.computeIfAbsent(ReminderBucket.of(reminder, now), (bucket) -> new ArrayList<>()).add(reminder.id());
		}
		if (listed.isEmpty()) {
			return;
		}
		list(listed);
		try {
			this.mongo.getCollection(REMINDERS).bulkWrite(writes, UNORDERED);
		}
		catch (MongoBulkWriteException ex) {
			// Inserted meanwhile by another writer of the same case (a rebalance): the
			// reminder is there, as this one would have written it.
			if (!onlyDuplicateKeys(ex)) {
				throw ex;
			}
		}
	}

	private static boolean onlyDuplicateKeys(MongoBulkWriteException ex) {
		return ex.getWriteErrors().stream().allMatch((error) -> error.getCode() == DUPLICATE_KEY);
	}

	private static Document document(Reminder reminder) {
		return new Document("_id", reminder.id()).append("caseId", reminder.caseId())
			.append("deadlineId", reminder.deadlineId())
			.append("kind", reminder.kind())
			.append("purpose", reminder.purpose().name())
			.append("lastDay", reminder.lastDay())
			.append("dueAt", reminder.dueAt())
			.append("legalBasis", reminder.legalBasis())
			.append("fireAt", reminder.fireAt())
			.append("status", Status.PENDING.name())
			.append("_class", Reminder.class.getName());
	}

	private void list(Map<ReminderBucket, List<String>> entries) {
		List<Map.Entry<ReminderBucket, List<String>>> all = List.copyOf(entries.entrySet());
		try {
			listAll(all);
		}
		catch (MongoBulkWriteException ex) {
			// Two instances creating the same bucket at once: one insert loses with a
			// duplicate key (MongoDB 4.2+ retries such upserts itself; older servers and
			// other drivers' stores may not). The bucket exists now, so once more
			// appends.
			if (!onlyDuplicateKeys(ex)) {
				throw ex;
			}
			listAll(ex.getWriteErrors().stream().map((error) -> all.get(error.getIndex())).toList());
		}
	}

	private void listAll(List<Map.Entry<ReminderBucket, List<String>>> entries) {
		List<WriteModel<Document>> upserts = new ArrayList<>(entries.size());
		for (Map.Entry<ReminderBucket, List<String>> entry : entries) {
			ReminderBucket bucket = entry.getKey();
			upserts.add(new UpdateOneModel<>(Filters.eq("_id", bucket.id()),
					Updates.combine(Updates.pushEach("ids", entry.getValue()),
							Updates.inc("n", entry.getValue().size()), Updates.setOnInsert("at", bucket.minute()),
							Updates.setOnInsert("slot", bucket.slot())),
					UPSERT));
		}
		this.mongo.getCollection(BUCKETS).bulkWrite(upserts, UNORDERED);
	}

	/** Cancels reminders that have not fired yet; the others stay as they are. */
	void cancelAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		List<String> pending = statuses(ids).entrySet()
			.stream()
			.filter((entry) -> entry.getValue().toFire())
			.map(Map.Entry::getKey)
			.toList();
		if (!pending.isEmpty()) {
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
			pending.forEach((id) -> bulk.updateOne(byId(id), new Update().set("status", Status.CANCELLED)));
			bulk.execute();
		}
	}

	private Map<String, Status> statuses(Collection<String> ids) {
		Map<String, Status> statuses = new HashMap<>();
		for (Document found : this.mongo.getCollection(REMINDERS)
			.find(Filters.in("_id", ids))
			.projection(Projections.include("status"))) {
			statuses.put(found.getString("_id"), Status.valueOf(found.getString("status")));
		}
		return statuses;
	}

	/**
	 * How many entries each bucket holds, by id; buckets that do not exist are left out.
	 */
	Map<ReminderBucket, Integer> sizes(Collection<ReminderBucket> buckets) {
		if (buckets.isEmpty()) {
			return Map.of();
		}
		Map<String, ReminderBucket> byId = new HashMap<>();
		buckets.forEach((bucket) -> byId.put(bucket.id(), bucket));
		Query query = new Query(Criteria.where("_id").in(byId.keySet()));
		query.fields().include("_id", "n");
		Map<ReminderBucket, Integer> sizes = new HashMap<>();
		for (Document found : this.mongo.find(query, Document.class, BUCKETS)) {
			Number n = found.get("n", Number.class);
			sizes.put(byId.get(found.getString("_id")), (n != null) ? n.intValue() : 0);
		}
		return sizes;
	}

	/**
	 * A bucket's entries from position {@code from} on (entries are only ever appended).
	 */
	List<String> entries(ReminderBucket bucket, int from, int count) {
		Query query = new Query(Criteria.where("_id").is(bucket.id()));
		query.fields().include("_id").slice("ids", from, count);
		Document found = this.mongo.findOne(query, Document.class, BUCKETS);
		return (found != null) ? found.getList("ids", String.class, List.of()) : List.of();
	}

	/** Of these reminders, those still to fire: id, case and fire time. */
	List<Reminder> toFire(Collection<String> ids) {
		List<Reminder> found = new ArrayList<>();
		List<String> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += READ_CHUNK) {
			Query query = idIn(all.subList(from, Math.min(all.size(), from + READ_CHUNK)));
			query.fields().include("_id", "caseId", "fireAt", "status");
			this.mongo.find(query, Reminder.class).stream().filter(Reminder::toFire).forEach(found::add);
		}
		return found;
	}

	/**
	 * The sweep: reminders still to fire and due before {@code horizon}, whatever bucket
	 * lists them (or none). Scans on the stand-in; the {status, fireAt} index on MongoDB.
	 */
	List<Reminder> dueBefore(Instant horizon) {
		Query query = new Query(Criteria.where("status").in(Status.PENDING, Status.CLAIMED).and("fireAt").lt(horizon))
			.with(Sort.by("fireAt"));
		query.fields().include("_id", "caseId", "fireAt", "status");
		return this.mongo.find(query, Reminder.class);
	}

	/**
	 * Deletes the buckets of these slots for minutes before {@code minute}; called by
	 * their dispatcher after a sweep, which found everything they listed.
	 */
	void dropBuckets(Collection<Integer> slots, Instant minute) {
		this.mongo.remove(new Query(Criteria.where("at").lt(minute).and("slot").in(slots)), BUCKETS);
	}

	/** Marks reminders fired, addressed by {@code _id} alone (the index). */
	void markFired(Collection<String> ids, Instant firedAt) {
		if (ids.isEmpty()) {
			return;
		}
		this.mongo.updateMulti(idIn(ids), new Update().set("status", Status.FIRED)
			.set("firedAt", firedAt)
			// Left by earlier versions' claims.
			.unset("leaseUntil")
			.unset("claimToken"), Reminder.class);
	}

	/**
	 * Deletes a case's reminders. Scans on the stand-in: runs once per erasure, never per
	 * reminder. Their bucket entries stay: ids only, which find nothing any more.
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
