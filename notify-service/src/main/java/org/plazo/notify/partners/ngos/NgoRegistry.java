package org.plazo.notify.partners.ngos;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.plazo.notify.partners.support.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Registers partner organisations, issues and checks their API keys and calendar tokens.
 * A key is {@code plz_<ngoId>_<secret>}: the id makes the check one read by {@code _id},
 * the 256-bit secret makes it unguessable, and only its SHA-256 is stored. Keys are shown
 * once, when issued.
 */
@Service
public class NgoRegistry {

	static final String API_KEY_PREFIX = "plz_";

	static final String CALENDAR_TOKEN_PREFIX = "cal_";

	private static final Logger log = LoggerFactory.getLogger(NgoRegistry.class);

	// Compared against when no organisation matches, so that an unknown id costs the
	// same.
	private static final String NO_HASH = Secrets.sha256("no-such-organisation");

	private final MongoOperations mongo;

	private final Clock clock;

	public NgoRegistry(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Registers an organisation and issues its first API key.
	 * @return the organisation and the key, which is not stored and cannot be shown again
	 */
	public Issued register(String name, String contactEmail, boolean kafkaFeed) {
		String id = Secrets.randomId(16);
		String apiKey = API_KEY_PREFIX + id + "_" + Secrets.random(32);
		Instant now = this.clock.instant();
		Ngo ngo = new Ngo(id, name, contactEmail, kafkaFeed, Secrets.sha256(apiKey), now, null, Secrets.random(32),
				List.of(), now);
		this.mongo.insert(ngo);
		log.info("Registered partner organisation {}", id);
		return new Issued(ngo, apiKey);
	}

	/** Issues a new API key; the previous one stops working at once. */
	public Optional<Issued> issueApiKey(String ngoId) {
		return find(ngoId).map((ngo) -> {
			String apiKey = API_KEY_PREFIX + ngo.id() + "_" + Secrets.random(32);
			this.mongo.updateFirst(byId(ngoId),
					new Update().set("apiKeyHash", Secrets.sha256(apiKey)).set("apiKeyIssuedAt", this.clock.instant()),
					Ngo.class);
			log.info("Issued a new API key to partner organisation {}", ngoId);
			return new Issued(find(ngoId).orElseThrow(), apiKey);
		});
	}

	/** Revokes the API key: every request with it is refused from now on. */
	public boolean revokeApiKey(String ngoId) {
		boolean found = this.mongo.updateFirst(byId(ngoId), new Update().unset("apiKeyHash"), Ngo.class)
			.getMatchedCount() > 0;
		if (found) {
			log.info("Revoked the API key of partner organisation {}", ngoId);
		}
		return found;
	}

	/**
	 * The organisation whose API key this is.
	 * @param apiKey the key as presented
	 * @return empty for a malformed, wrong or revoked key, or an unknown organisation,
	 * all alike
	 */
	public Optional<Ngo> authenticate(String apiKey) {
		return bySecret(apiKey, API_KEY_PREFIX, Ngo::apiKeyHash);
	}

	/** Issues a new secret calendar token; the previous one stops working at once. */
	public Optional<String> issueCalendarToken(String ngoId) {
		String token = CALENDAR_TOKEN_PREFIX + ngoId + "_" + Secrets.random(32);
		boolean found = this.mongo
			.updateFirst(byId(ngoId), new Update().set("calendarTokenHash", Secrets.sha256(token)), Ngo.class)
			.getMatchedCount() > 0;
		return found ? Optional.of(token) : Optional.empty();
	}

	public void revokeCalendarToken(String ngoId) {
		this.mongo.updateFirst(byId(ngoId), new Update().unset("calendarTokenHash"), Ngo.class);
	}

	/** The organisation whose calendar token this is; empty when unknown or revoked. */
	public Optional<Ngo> byCalendarToken(String token) {
		return bySecret(token, CALENDAR_TOKEN_PREFIX, Ngo::calendarTokenHash);
	}

	public Optional<Ngo> find(String ngoId) {
		return Optional.ofNullable(this.mongo.findById(ngoId, Ngo.class));
	}

	/** Every organisation; an operator's listing, not a hot path. */
	public List<Ngo> all() {
		return this.mongo.find(new Query().with(Sort.by("createdAt")), Ngo.class);
	}

	public void addEndpoint(String ngoId, String endpointId) {
		this.mongo.updateFirst(byId(ngoId), new Update().addToSet("endpointIds", endpointId), Ngo.class);
	}

	public void removeEndpoint(String ngoId, String endpointId) {
		this.mongo.updateFirst(byId(ngoId), new Update().pull("endpointIds", endpointId), Ngo.class);
	}

	private Optional<Ngo> bySecret(String secret, String prefix, java.util.function.Function<Ngo, String> hash) {
		if (secret == null || !secret.startsWith(prefix) || secret.length() > 200) {
			return Optional.empty();
		}
		int separator = secret.indexOf('_', prefix.length());
		if (separator < 0) {
			return Optional.empty();
		}
		Ngo ngo = this.mongo.findById(secret.substring(prefix.length(), separator), Ngo.class);
		boolean matches = Secrets.matches(secret, (ngo != null && hash.apply(ngo) != null) ? hash.apply(ngo) : NO_HASH);
		return (ngo != null && hash.apply(ngo) != null && matches) ? Optional.of(ngo) : Optional.empty();
	}

	private static Query byId(String ngoId) {
		return query(where("_id").is(ngoId));
	}

	/**
	 * An organisation and a secret just issued to it.
	 */
	public record Issued(Ngo ngo, String secret) {

		@Override
		public String toString() {
			return "Issued[ngo=" + this.ngo.id() + "]";
		}

	}

}
