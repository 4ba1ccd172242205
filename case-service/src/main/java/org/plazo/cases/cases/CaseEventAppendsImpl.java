package org.plazo.cases.cases;

import org.plazo.cases.outbox.OutboxRelay;
import org.plazo.cases.outbox.RecordedEvent;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class CaseEventAppendsImpl implements CaseEventAppends {

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

}
