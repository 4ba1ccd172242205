package org.plazo.notify.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The notifications, stored in MongoDB. Every write on the delivery path addresses one
 * document by {@code _id}: atomic on any MongoDB, and fast on the embedded stand-in. The
 * two queries that scan ({@link #dueDeferred}, {@link #pendingEscalations}) run once per
 * poll, never per message.
 */
@Repository
class Notifications implements InitializingBean {

	private final MongoOperations mongo;

	Notifications(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		// Export and erasure find a case's notifications by it.
		this.mongo.indexOps(Notification.class).createIndex(new Index("caseId", Sort.Direction.ASC));
	}

	/**
	 * Claims a delivery: inserts the claim, or, when the notification exists, takes it
	 * over only if it was left unfinished by a claimant whose lease has run out.
	 * @param claim the new claim
	 * @param now the current time
	 * @return the claimed notification, or empty when it is sent, failed, deferred, or
	 * being sent
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
	 * Claims a deferred delivery whose time has come, or one whose sender stopped before
	 * finishing (its lease ran out).
	 * @param id the notification
	 * @param now the current time
	 * @param leaseUntil until when the claimant may send
	 * @return the claimed notification, or empty when another instance took it first
	 */
	Optional<Notification> claimDeferred(String id, Instant now, Instant leaseUntil) {
		Query due = query(new Criteria().andOperator(where("_id").is(id), due(now)));
		Update claim = new Update().set("status", Notification.Status.SENDING)
			.set("leaseUntil", leaseUntil)
			.set("updatedAt", now)
			.inc("attempts", 1);
		return Optional.ofNullable(this.mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
				Notification.class));
	}

	/**
	 * Ends a claim early, so that a retry can claim the notification again at once.
	 * @param id the notification
	 * @param now the current time
	 */
	void release(String id, Instant now) {
		this.mongo.updateFirst(query(where("_id").is(id)), new Update().set("leaseUntil", now), Notification.class);
	}

	/**
	 * Puts a failed notification back in the deferred queue, due at once, if it is still
	 * failed and the failure was not the person's own choice: one conditional write on
	 * {@code _id}, so two operators retrying at once re-queue it once.
	 * @param id the notification
	 * @param now the current time
	 * @return whether it was re-queued
	 */
	boolean requeueFailed(String id, Instant now) {
		Query failed = query(where("_id").is(id)
			.and("status")
			.is(Notification.Status.FAILED)
			.and("failureReason")
			.nin(FailureReason.OPTED_OUT, FailureReason.NO_CONSENT));
		Update requeue = new Update().set("status", Notification.Status.DEFERRED)
			.set("notBefore", now)
			.set("deferredFor", "OPERATOR_RETRY")
			.set("updatedAt", now)
			.unset("leaseUntil")
			.unset("failureReason")
			.unset("providerCode");
		return this.mongo.findAndModify(failed, requeue, Notification.class) != null;
	}

	/** A case's notifications. On the {@code caseId} index: an export, not a hot path. */
	List<Notification> ofCase(String caseId) {
		return this.mongo.find(query(where("caseId").is(caseId)).with(Sort.by("createdAt")), Notification.class);
	}

	/**
	 * Keeps of a case's notifications only what counts need (ids, channel, status,
	 * reason, times): no reminder content, no provider references. Ones not sent yet
	 * never will be.
	 */
	void erase(String caseId, Instant now) {
		this.mongo.updateMulti(query(
				where("caseId").is(caseId).and("status").in(Notification.Status.SENDING, Notification.Status.DEFERRED)),
				new Update().set("status", Notification.Status.FAILED).set("failureReason", FailureReason.ERASED),
				Notification.class);
		List<String> ids = this.mongo.find(query(where("caseId").is(caseId)), Notification.class)
			.stream()
			.map(Notification::id)
			.toList();
		if (!ids.isEmpty()) {
			this.mongo.remove(query(where("notificationId").in(ids)), MessageRefs.MessageRef.class);
		}
		this.mongo.updateMulti(query(where("caseId").is(caseId)),
				new Update().unset("kind")
					.unset("lastDay")
					.unset("dueAt")
					.unset("legalBasis")
					.unset("scheduledFor")
					.unset("leaseUntil")
					.unset("notBefore")
					.unset("deferredFor")
					.unset("providerCode")
					.set("providerMessageIds", List.of())
					.set("escalation", Notification.Escalation.NONE)
					.set("updatedAt", now),
				Notification.class);
	}

	void save(Notification notification) {
		this.mongo.save(notification);
	}

	Optional<Notification> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Notification.class));
	}

	void markEscalated(String id, Instant at) {
		this.mongo.updateFirst(query(where("_id").is(id)),
				new Update().set("escalation", Notification.Escalation.SENT).set("updatedAt", at), Notification.class);
	}

	/**
	 * Deferred notifications whose time has come, and claims abandoned by a sender that
	 * stopped (whose lease ran out). Scans: once per poll.
	 * @param now the current time
	 * @param limit at most this many
	 * @return their ids
	 */
	List<String> dueDeferred(Instant now, int limit) {
		Query due = query(due(now)).limit(limit);
		due.fields().include("_id");
		return this.mongo.find(due, Notification.class).stream().map(Notification::id).toList();
	}

	private static Criteria due(Instant now) {
		return new Criteria().orOperator(where("status").is(Notification.Status.DEFERRED).and("notBefore").lte(now),
				where("status").is(Notification.Status.SENDING).and("leaseUntil").lte(now));
	}

	/**
	 * Failed notifications whose escalation email is still due. Scans: once per poll.
	 * @param limit at most this many
	 * @return the notifications
	 */
	List<Notification> pendingEscalations(int limit) {
		return this.mongo.find(query(where("escalation").is(Notification.Escalation.PENDING)).limit(limit),
				Notification.class);
	}

}
