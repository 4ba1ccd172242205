package org.plazo.cases.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.plazo.cases.imports.ImportStatus.RejectedRow;
import org.plazo.cases.imports.ImportStatus.State;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The stored imports. Every read and write goes by {@code _id}, except the look for
 * unfinished ones, once per resume interval over a collection of one document per file.
 */
@Component
class ImportJobs {

	private static final String CSV = "csv";

	private static final String STATE = "state";

	private static final String LEASE_UNTIL = "leaseUntil";

	private final MongoOperations mongo;

	ImportJobs(MongoOperations mongo) {
		this.mongo = mongo;
	}

	void insert(ImportJob job) {
		this.mongo.insert(job);
	}

	/** The import without its file. */
	Optional<ImportJob> find(String id) {
		Query query = byId(id);
		query.fields().exclude(CSV);
		return Optional.ofNullable(this.mongo.findOne(query, ImportJob.class));
	}

	/**
	 * Takes up an unfinished import that no worker holds, or whose worker's lease ran
	 * out: one conditional update, so two workers cannot both take it.
	 * @return the import with its file, or empty when it is finished or held
	 */
	Optional<ImportJob> claim(String id, Instant now, Instant leaseUntil) {
		Query unheld = Query.query(Criteria.where("_id")
			.is(id)
			.and(STATE)
			.in(State.VALIDATING, State.IMPORTING)
			.orOperator(Criteria.where(LEASE_UNTIL).is(null), Criteria.where(LEASE_UNTIL).lt(now)));
		Update hold = new Update().set(LEASE_UNTIL, leaseUntil).inc("attempts", 1);
		return Optional.ofNullable(this.mongo.findAndModify(unheld, hold,
				FindAndModifyOptions.options().returnNew(true), ImportJob.class));
	}

	void rejected(String id, List<RejectedRow> rejected, Instant now) {
		end(id, new Update().set(STATE, State.REJECTED).set("rejected", rejected), now);
	}

	void importing(String id, Instant leaseUntil) {
		update(id, new Update().set(STATE, State.IMPORTING).set(LEASE_UNTIL, leaseUntil).set("attempts", 0));
	}

	void progress(String id, int processedRows, int imported, Instant leaseUntil) {
		update(id,
				new Update().set("processedRows", processedRows)
					.set("imported", imported)
					.set(LEASE_UNTIL, leaseUntil)
					.set("attempts", 0));
	}

	/** Lets the next resume, here or on another instance, take the import up at once. */
	void release(String id) {
		update(id, new Update().unset(LEASE_UNTIL));
	}

	void done(String id, int processedRows, int imported, Instant now) {
		end(id, new Update().set(STATE, State.DONE).set("processedRows", processedRows).set("imported", imported), now);
	}

	void failed(String id, Instant now) {
		end(id, new Update().set(STATE, State.FAILED), now);
	}

	/**
	 * An import of the same file that is not rejected or failed: under way or done. Scans
	 * the collection, once per upload.
	 */
	Optional<String> sameFile(String sha256) {
		Query query = Query.query(Criteria.where("sha256")
			.is(sha256)
			.and(STATE)
			.in(State.VALIDATING.name(), State.IMPORTING.name(), State.DONE.name()));
		query.fields().include("_id");
		return Optional.ofNullable(this.mongo.findOne(query, org.bson.Document.class, ImportJob.COLLECTION))
			.map((document) -> document.get("_id").toString());
	}

	/** Unfinished imports no worker holds: this one scans, once per resume interval. */
	List<String> unheld(Instant now) {
		Query query = Query.query(Criteria.where(STATE)
			.in(State.VALIDATING, State.IMPORTING)
			.orOperator(Criteria.where(LEASE_UNTIL).is(null), Criteria.where(LEASE_UNTIL).lt(now)));
		query.fields().include("_id");
		return this.mongo.find(query, org.bson.Document.class, ImportJob.COLLECTION)
			.stream()
			.map((document) -> document.get("_id").toString())
			.toList();
	}

	/** The file goes with the end of the import: only the report stays. */
	private void end(String id, Update update, Instant now) {
		update(id, update.set("finishedAt", now).unset(CSV).unset(LEASE_UNTIL));
	}

	private void update(String id, Update update) {
		this.mongo.updateFirst(byId(id), update, ImportJob.class);
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

}
