package org.plazo.cases.console;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The append-only record of what operators did in the console: inserted, never updated or
 * deleted. Targets are ids (a notification, a closure, a case), never personal data.
 */
@Component
class ConsoleAudit {

	static final String COLLECTION = "console_audit";

	static final int SHOWN = 200;

	private final MongoOperations mongo;

	private final Clock clock;

	ConsoleAudit(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Records an action and how it ended.
	 * @param who the logged-in user
	 * @param action what was done, e.g. {@code notification.retry}
	 * @param target the id it was done to
	 * @param outcome {@code OK}, {@code REFUSED} or {@code FAILED}
	 */
	void record(Authentication who, String action, String target, String outcome) {
		String role = who.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.findFirst()
			.orElse("?");
		this.mongo.insert(new Entry(null, this.clock.instant().truncatedTo(ChronoUnit.MILLIS), who.getName(), role,
				action, target, outcome));
	}

	/** The latest entries, the newest first. */
	List<Entry> latest() {
		// Read once per page view; the collection grows with operators' actions, not
		// people.
		Query query = new Query().with(Sort.by(Sort.Direction.DESC, "at")).limit(SHOWN);
		return this.mongo.find(query, Entry.class);
	}

	/**
	 * One action.
	 *
	 * @param id assigned by MongoDB
	 * @param at when
	 * @param actor the console user
	 * @param role the user's role then
	 * @param action what was done
	 * @param target the id it was done to
	 * @param outcome how it ended
	 */
	@Document(COLLECTION)
	record Entry(@Id String id, Instant at, String actor, String role, String action, String target, String outcome) {

	}

}
