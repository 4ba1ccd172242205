package org.plazo.notify.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The notifications, stored in MongoDB. Every write on the delivery path addresses one
 * document by {@code _id}: atomic on any MongoDB, and fast on the embedded stand-in.
 */
@Repository
class Notifications {

	private final MongoOperations mongo;

	Notifications(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Claims a delivery: inserts the claim, or, when the notification exists, takes it
	 * over only if it was left unfinished by a claimant whose lease has run out.
	 * @param claim the new claim
	 * @param now the current time
	 * @return the claimed notification, or empty when it is sent, failed, or being sent
	 */
	Optional<Notification> claim(Notification claim, Instant now) {
		try {
			return Optional.of(this.mongo.insert(claim));
		}
		catch (DuplicateKeyException ex) {
			Query abandoned = query(where("_id").is(claim.id())
				.and("status")
				.is(Notification.Status.SENDING)
				.and("leaseUntil")
				.lte(now));
			Update takeOver = new Update().set("leaseUntil", claim.leaseUntil()).inc("attempts", 1);
			return Optional.ofNullable(this.mongo.findAndModify(abandoned, takeOver,
					FindAndModifyOptions.options().returnNew(true), Notification.class));
		}
	}

	/**
	 * Ends a claim early, so that a retry can claim the notification again at once.
	 * @param id the notification
	 * @param now the current time
	 */
	void release(String id, Instant now) {
		this.mongo.updateFirst(query(where("_id").is(id)), new Update().set("leaseUntil", now), Notification.class);
	}

	void save(Notification notification) {
		this.mongo.save(notification);
	}

	void removeFromOutbox(String id, String eventId) {
		this.mongo.updateFirst(query(where("_id").is(id)),
				new Update().pull("outbox", new Document("eventId", eventId)), Notification.class);
	}

	/**
	 * Notifications with events left in their outbox. Scans the collection: run it once
	 * in a while, never per reminder.
	 * @param cutoff only events recorded at or before this instant count
	 * @param limit at most this many notifications
	 * @return the notifications
	 */
	List<Notification> withEventsRecordedBefore(Instant cutoff, int limit) {
		return this.mongo.find(query(where("outbox.time").lte(cutoff)).limit(limit), Notification.class);
	}

}
