package org.plazo.cases.cases;

import org.bson.Document;
import org.plazo.cases.outbox.OutboxRelay;
import org.plazo.cases.outbox.RecordedEvent;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class CaseEventAppendsImpl implements CaseEventAppends {

	private static final String ASSIGNMENTS = "assignments";

	private final MongoOperations mongo;

	CaseEventAppendsImpl(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public void append(Case aCase, RecordedEvent event) {
		// The arrival date is the only state a fact changes (a correction).
		Update update = new Update().push("facts", event)
			.push(OutboxRelay.FIELD, event)
			.set("arrivalDate", aCase.arrivalDate());
		if (this.mongo.updateFirst(Query.query(Criteria.where("_id").is(aCase.id())), update, Case.class)
			.getMatchedCount() == 0) {
			throw NotFoundException.noCase();
		}
	}

	// A condition besides _id makes the stand-in scan (about 50 ms over 50,000 cases):
	// acceptable for a caseworker's action, which must not race another.
	@Override
	public void assign(Case aCase, Case.Assigned assigned) {
		Query noActiveLinkToTheSameNgo = Query.query(Criteria.where("_id")
			.is(aCase.id())
			.and(ASSIGNMENTS)
			.not()
			.elemMatch(Criteria.where("ngoId").is(assigned.assignment().ngoId()).and("revokedAt").is(null)));
		Update update = new Update().push(ASSIGNMENTS, assigned.assignment()).push(OutboxRelay.FIELD, assigned.event());
		if (this.mongo.findAndModify(noActiveLinkToTheSameNgo, update, Document.class, Case.COLLECTION) == null) {
			if (!this.mongo.exists(Query.query(Criteria.where("_id").is(aCase.id())), Case.class)) {
				throw NotFoundException.noCase();
			}
			throw new AlreadyAssignedException();
		}
	}

	@Override
	public boolean revoke(Case aCase, Case.Assigned revoked) {
		// Links are only ever appended, so the index read with the case still holds. The
		// stand-in's positional operator does not follow $elemMatch; an index does.
		int index = aCase.assignments().indexOf(revoked.assignment());
		String link = ASSIGNMENTS + "." + index;
		Query activeLink = Query.query(Criteria.where("_id")
			.is(aCase.id())
			.and(link + ".assignmentId")
			.is(revoked.assignment().assignmentId())
			.and(link + ".revokedAt")
			.is(null));
		Update update = new Update().set(link + ".revokedAt", revoked.assignment().revokedAt())
			.push(OutboxRelay.FIELD, revoked.event());
		return this.mongo.findAndModify(activeLink, update, Document.class, Case.COLLECTION) != null;
	}

	@Override
	public void assignCaseworker(Case aCase, RecordedEvent event) {
		Update update = new Update().set("caseworker", aCase.caseworker()).push(OutboxRelay.FIELD, event);
		if (this.mongo.updateFirst(Query.query(Criteria.where("_id").is(aCase.id())), update, Case.class)
			.getMatchedCount() == 0) {
			throw NotFoundException.noCase();
		}
	}

}
