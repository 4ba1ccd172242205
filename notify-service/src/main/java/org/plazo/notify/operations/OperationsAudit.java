package org.plazo.notify.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The append-only record of what operators did: entries are inserted, never changed or
 * removed by this service.
 */
@Component
class OperationsAudit {

	static final String COLLECTION = "operations_audit";

	private final MongoOperations mongo;

	private final Clock clock;

	OperationsAudit(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	Entry record(String actor, String onBehalfOf, String action, String target) {
		return this.mongo.insert(
				new Entry(UUID.randomUUID().toString(), this.clock.instant(), actor, onBehalfOf, action, target),
				COLLECTION);
	}

	/** The entries about these targets, oldest first. Scans: once per request. */
	List<Entry> about(Collection<String> targets) {
		if (targets.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("target").in(targets)), Entry.class, COLLECTION)
			.stream()
			.sorted(java.util.Comparator.comparing(Entry::at))
			.toList();
	}

	/**
	 * One operator action.
	 *
	 * @param id the entry
	 * @param at when
	 * @param actor the subject ({@code sub}) of the bearer token that asked
	 * @param onBehalfOf the person a client such as the console acted for
	 * ({@code X-Plazo-Actor}), or {@code null}
	 * @param action e.g. {@code RETRY_NOTIFICATION}
	 * @param target the id of what was acted on
	 */
	record Entry(@Id String id, Instant at, String actor, String onBehalfOf, String action, String target) {

	}

}
