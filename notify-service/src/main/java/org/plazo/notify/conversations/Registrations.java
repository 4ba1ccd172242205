package org.plazo.notify.conversations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

import org.plazo.notify.outbox.OutboxCollection;
import org.plazo.notify.outbox.PendingEvent;
import org.plazo.notify.privacy.CaseData;
import org.plazo.notify.privacy.PersonKeys;
import org.plazo.notify.privacy.PhoneIndex;
import org.plazo.notify.privacy.Sealed;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Self-registrations as stored: found by the phone's keyed hash, the phone and the
 * pending {@code SelfRegistrationConfirmed} (which carries it) encrypted with the key of
 * the reserved case id. Also their part of a case's export and erasure.
 */
@Repository
class Registrations implements CaseData, InitializingBean {

	private static final String SEALED = "sealed:";

	private final MongoOperations mongo;

	private final PersonKeys keys;

	private final PhoneIndex index;

	Registrations(MongoOperations mongo, PersonKeys keys, PhoneIndex index) {
		this.mongo = mongo;
		this.keys = keys;
		this.index = index;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(Registration.class).createIndex(new Index("phoneIndex", Sort.Direction.ASC));
		this.mongo.indexOps(Registration.class).createIndex(new Index("caseId", Sort.Direction.ASC));
	}

	Registration find(String phone) {
		return this.mongo.findOne(query(where("phoneIndex").in(this.index.hashes(phone))), Registration.class);
	}

	Registration start(String phone, String caseId, String language, Instant now) {
		return Registration.start(this.index.hashes(phone), caseId, language, now);
	}

	void save(Registration registration, String phone) {
		registration.indexedBy(this.index.hashes(phone),
				this.keys.seal(registration.caseId(), Registration.COLLECTION, registration.id(), "phone", phone));
		registration.sealOutbox((event) -> seal(registration, event));
		this.mongo.save(registration);
	}

	private PendingEvent seal(Registration registration, PendingEvent event) {
		if (event.data().startsWith(SEALED)) {
			return event;
		}
		Sealed sealed = this.keys.seal(registration.caseId(), Registration.COLLECTION, registration.id(),
				"outbox." + event.eventId(), event.data());
		return new PendingEvent(event.eventId(), event.type(), event.time(),
				SEALED + sealed.keyId() + ":" + Base64.getEncoder().encodeToString(sealed.ciphertext()));
	}

	/** The sweep's reader of this collection's outboxes. */
	OutboxCollection outboxCollection() {
		return new OutboxCollection(Registration.COLLECTION, this::open);
	}

	private PendingEvent open(String documentId, PendingEvent stored) {
		if (!stored.data().startsWith(SEALED)) {
			return stored;
		}
		String rest = stored.data().substring(SEALED.length());
		int colon = rest.lastIndexOf(':');
		Sealed sealed = new Sealed(rest.substring(0, colon), Base64.getDecoder().decode(rest.substring(colon + 1)));
		String data = this.keys.open(sealed, Registration.COLLECTION, documentId, "outbox." + stored.eventId());
		if (data == null) {
			throw new IllegalStateException("The pending event " + stored.eventId() + " has no key any more");
		}
		return new PendingEvent(stored.eventId(), stored.type(), stored.time(), data);
	}

	@Override
	public String section() {
		return "selfRegistration";
	}

	@Override
	public Optional<Object> export(String caseId) {
		return Optional.ofNullable(this.mongo.findOne(query(where("caseId").is(caseId)), Registration.class))
			.map((registration) -> new Exported(
					this.keys.open(registration.phone(), Registration.COLLECTION, registration.id(), "phone"),
					registration.state().name(), registration.arrival(), registration.language(),
					registration.startedAt(), registration.updatedAt()));
	}

	@Override
	public void erase(String caseId) {
		this.mongo.remove(query(where("caseId").is(caseId)), Registration.class);
	}

	record Exported(String phone, String state, LocalDate arrivalDate, String language, Instant startedAt,
			Instant updatedAt) {

		@Override
		public String toString() {
			return "Exported[state=" + this.state + "]";
		}

	}

}
