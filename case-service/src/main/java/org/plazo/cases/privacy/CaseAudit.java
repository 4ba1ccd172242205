package org.plazo.cases.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The append-only log of who read or changed which case ({@value #COLLECTION}). Entries
 * are only ever inserted; they name the case by id and the actor by id, never a person's
 * data, so they outlive the erasure of the case.
 */
@Component
class CaseAudit {

	static final String COLLECTION = "case_audit";

	private final MongoOperations mongo;

	private final Clock clock;

	CaseAudit(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	void record(String actor, Action action, String caseId) {
		this.mongo.insert(new Entry(null, this.clock.instant(), actor, action, caseId));
	}

	/**
	 * Entries matching every given criterion, newest first. Scans: for operators.
	 * @param from inclusive, or {@code null}
	 * @param to exclusive, or {@code null}
	 */
	Page find(String caseId, String actor, Instant from, Instant to, int page, int size) {
		Criteria criteria = new Criteria();
		if (caseId != null) {
			criteria = criteria.and("caseId").is(caseId);
		}
		if (actor != null) {
			criteria = criteria.and("actor").is(actor);
		}
		if (from != null || to != null) {
			Criteria at = criteria.and("at");
			if (from != null) {
				at = at.gte(from);
			}
			if (to != null) {
				at.lt(to);
			}
		}
		Query query = Query.query(criteria);
		long total = this.mongo.count(query, Entry.class);
		query.with(Sort.by(Sort.Direction.DESC, "at", "_id")).skip((long) page * size).limit(size);
		return new Page(this.mongo.find(query, Entry.class), page, size, total);
	}

	/**
	 * What was done to a case.
	 */
	enum Action {

		/** Opened through the API. */
		OPEN,
		/** The case, its events or its assignments read. */
		READ,
		/** A fact of the procedure recorded. */
		RECORD_EVENT,
		/** Linked to an organisation. */
		ASSIGN,
		/** A link to an organisation ended. */
		REVOKE_ASSIGNMENT,
		/** The contact details looked up. */
		CONTACT_LOOKUP,
		/** The contact details corrected (Law 81 rectification). */
		RECTIFY,
		/** Everything about the person exported (Law 81 access). */
		EXPORT,
		/** The person erased on request (Law 81 cancellation). */
		ERASE,
		/** The person erased when the retention period ran out. */
		RETENTION_ERASE,
		/** Another change through the API. */
		CHANGE

	}

	/**
	 * One audit entry.
	 *
	 * @param id its id
	 * @param at when
	 * @param actor who: the token's subject, {@code anonymous} or {@code system}
	 * @param action what
	 * @param caseId which case
	 */
	@Document(COLLECTION)
	record Entry(String id, Instant at, String actor, Action action, String caseId) {

	}

	/**
	 * A page of entries.
	 *
	 * @param entries newest first
	 * @param page the page's number, from 0
	 * @param size at most this many entries
	 * @param total entries matching in all
	 */
	record Page(List<Entry> entries, int page, int size, long total) {

	}

}
