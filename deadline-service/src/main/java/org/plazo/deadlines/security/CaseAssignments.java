package org.plazo.deadlines.security;

import java.util.Date;

import org.bson.Document;
import org.plazo.events.cases.CaseworkerAssigned;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who holds each case: {@code case_access} {_id: caseId, caseworker, assignedAt}, fed
 * from the case events by {@link CaseAssignmentsListener}. Holds staff identifiers only,
 * never the applicant's data. Every access is by {@code _id}.
 */
@Component
class CaseAssignments {

	static final String COLLECTION = "case_access";

	private final MongoOperations mongo;

	CaseAssignments(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Keeps the latest assignment by {@code assignedAt}: an older or repeated event
	 * changes nothing. A case's events arrive in order on one partition, read by one
	 * consumer, so reading and then writing cannot race with another assignment.
	 */
	void assign(CaseworkerAssigned assigned) {
		Document current = this.mongo.findById(assigned.caseId(), Document.class, COLLECTION);
		if (current != null && current.get("assignedAt") instanceof Date at
				&& at.toInstant().isAfter(assigned.assignedAt())) {
			return;
		}
		this.mongo.save(new Document("_id", assigned.caseId()).append("caseworker", assigned.caseworker())
			.append("assignedAt", Date.from(assigned.assignedAt())), COLLECTION);
	}

	/** Forgets the case; nothing happens when it is not known. */
	void forget(String caseId) {
		this.mongo.remove(new Query(Criteria.where("_id").is(caseId)), COLLECTION);
	}

	boolean isAssignedTo(String caseId, String caseworker) {
		Document current = this.mongo.findById(caseId, Document.class, COLLECTION);
		return current != null && caseworker != null && caseworker.equals(current.getString("caseworker"));
	}

}
