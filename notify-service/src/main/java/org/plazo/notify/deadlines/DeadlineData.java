package org.plazo.notify.deadlines;

import java.util.Optional;

import org.plazo.notify.privacy.CaseData;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The deadline projection's part of an erasure. Not exported: the deadlines are
 * deadline-service's, and its own export holds them.
 */
@Component
class DeadlineData implements CaseData {

	private final MongoOperations mongo;

	DeadlineData(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public String section() {
		return "deadlines";
	}

	@Override
	public Optional<Object> export(String caseId) {
		return Optional.empty();
	}

	@Override
	public void erase(String caseId) {
		this.mongo.remove(query(where("_id").is(caseId)), CaseDeadlines.class);
	}

}
