package org.plazo.notify.privacy;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The cases whose person was erased: the case id and when, nothing else. Read before
 * anything is learnt or sent for a case, so that a replayed {@code CaseOpened}, a late
 * {@code ReminderDue} or a lagging partner consumer cannot bring the person back.
 */
@Component
public class ErasedCases {

	private final MongoOperations mongo;

	public ErasedCases(MongoOperations mongo) {
		this.mongo = mongo;
	}

	public boolean contains(String caseId) {
		return caseId != null && this.mongo.exists(query(where("_id").is(caseId)), Erased.class);
	}

	void add(String caseId, Instant erasedAt) {
		this.mongo.upsert(query(where("_id").is(caseId)), new Update().setOnInsert("erasedAt", erasedAt), Erased.class);
	}

	@Document("erased_cases")
	record Erased(@Id String caseId, Instant erasedAt) {

	}

}
