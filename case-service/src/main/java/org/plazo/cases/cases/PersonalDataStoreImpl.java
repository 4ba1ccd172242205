package org.plazo.cases.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.plazo.cases.outbox.OutboxRelay;
import org.plazo.cases.outbox.RecordedEvent;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class PersonalDataStoreImpl implements PersonalDataStore {

	static final String ERASED_AT = "erasedAt";

	private final EventCodec codec = new EventCodec();

	private final MongoOperations mongo;

	private final CaseDocuments documents;

	PersonalDataStoreImpl(MongoOperations mongo, CaseDocuments documents) {
		this.mongo = mongo;
		this.documents = documents;
	}

	// By _id alone (the stand-in's fast path); a tombstone is told apart here.
	@Override
	public Optional<Case> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Case.class)).filter((aCase) -> !aCase.erased());
	}

	@Override
	public void rectify(Case aCase, Case.Rectified rectified) {
		Document applicant = (Document) this.mongo.getConverter().convertToMongoType(rectified.applicant());
		this.documents.sealApplicant(aCase.id(), applicant);
		Update update = new Update().set("applicant", applicant)
			.set("consent", this.mongo.getConverter().convertToMongoType(rectified.consent()))
			.push(OutboxRelay.FIELD, rectified.event());
		if (this.mongo.updateFirst(Query.query(Criteria.where("_id").is(aCase.id())), update, Case.class)
			.getMatchedCount() == 0) {
			throw NotFoundException.noCase();
		}
	}

	@Override
	public Optional<Instant> erase(String caseId, RecordedEvent erased, Instant now) {
		Document stored = this.mongo.findById(caseId, Document.class, Case.COLLECTION);
		if (stored == null) {
			return Optional.empty();
		}
		if (stored.get(ERASED_AT) instanceof Date erasedAt) {
			return Optional.of(erasedAt.toInstant());
		}
		List<Object> outbox = new ArrayList<>(stored.getList(OutboxRelay.FIELD, Object.class, List.of()));
		outbox.add(this.mongo.getConverter().convertToMongoType(erased));
		Document tombstone = new Document("_id", caseId).append(ERASED_AT, Date.from(now))
			.append(OutboxRelay.FIELD, outbox);
		this.mongo.getCollection(Case.COLLECTION).replaceOne(Filters.eq("_id", caseId), tombstone);
		return Optional.of(now);
	}

	@Override
	public List<String> closedOnOrBefore(LocalDate day) {
		String closed = EventCatalog.CASE_CLOSED.name();
		Query query = Query.query(Criteria.where("facts.type").is(closed));
		query.fields().include("facts");
		List<String> due = new ArrayList<>();
		for (Document document : this.mongo.find(query, Document.class, Case.COLLECTION)) {
			// The last closure counts.
			LocalDate closedOn = null;
			for (Document fact : document.getList("facts", Document.class, List.of())) {
				if (closed.equals(fact.getString("type"))) {
					closedOn = this.codec
						.fromJson(EventCatalog.CASE_CLOSED, fact.getString("data").getBytes(StandardCharsets.UTF_8))
						.closedOn();
				}
			}
			if (closedOn != null && !closedOn.isAfter(day)) {
				due.add(document.get("_id").toString());
			}
		}
		return due;
	}

}
