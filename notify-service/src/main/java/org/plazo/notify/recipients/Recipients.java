package org.plazo.notify.recipients;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.plazo.events.cases.ContactChannel;
import org.plazo.notify.privacy.PersonKeys;
import org.plazo.notify.privacy.PhoneIndex;
import org.plazo.notify.privacy.Sealed;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The recipients as stored: phone and email encrypted with the person's key, the phone
 * found by its keyed hash ({@code phoneIndex}, indexed), never by the number.
 */
@Repository
class Recipients {

	static final String COLLECTION = "recipients";

	private final MongoOperations mongo;

	private final PersonKeys keys;

	private final PhoneIndex index;

	Recipients(MongoOperations mongo, PersonKeys keys, PhoneIndex index) {
		this.mongo = mongo;
		this.keys = keys;
		this.index = index;
	}

	void createIndexes() {
		this.mongo.indexOps(StoredRecipient.class).createIndex(new Index("phoneIndex", Sort.Direction.ASC));
	}

	void save(Recipient recipient) {
		String caseId = recipient.caseId();
		this.mongo.save(new StoredRecipient(caseId, recipient.language(), recipient.channel(),
				this.keys.seal(caseId, COLLECTION, caseId, "phone", recipient.phone()),
				this.keys.seal(caseId, COLLECTION, caseId, "email", recipient.email()),
				(recipient.phone() != null) ? this.index.hashes(recipient.phone()) : List.of(),
				recipient.consentToContact(), recipient.updatedAt()));
	}

	Optional<Recipient> findById(String caseId) {
		return Optional.ofNullable(this.mongo.findById(caseId, StoredRecipient.class)).map(this::open);
	}

	/** The cases reached at a phone: one query on the index. */
	List<Recipient> findByPhone(String phone) {
		return this.mongo.find(query(where("phoneIndex").in(this.index.hashes(phone))), StoredRecipient.class)
			.stream()
			.map(this::open)
			.toList();
	}

	/** The hashes of a case's phone as stored, without decrypting it. */
	List<String> phoneIndexOf(String caseId) {
		StoredRecipient stored = this.mongo.findById(caseId, StoredRecipient.class);
		return (stored != null && stored.phoneIndex() != null) ? stored.phoneIndex() : List.of();
	}

	boolean anyAt(List<String> phoneIndex) {
		return !phoneIndex.isEmpty()
				&& this.mongo.exists(query(where("phoneIndex").in(phoneIndex)), StoredRecipient.class);
	}

	void delete(String caseId) {
		this.mongo.remove(query(where("_id").is(caseId)), StoredRecipient.class);
	}

	private Recipient open(StoredRecipient stored) {
		String caseId = stored.caseId();
		return new Recipient(caseId, stored.language(), stored.channel(),
				this.keys.open(stored.phone(), COLLECTION, caseId, "phone"),
				this.keys.open(stored.email(), COLLECTION, caseId, "email"), stored.consentToContact(), false,
				stored.updatedAt());
	}

	/**
	 * A recipient as stored.
	 */
	@Document(COLLECTION)
	record StoredRecipient(@Id String caseId, String language, ContactChannel channel, Sealed phone, Sealed email,
			List<String> phoneIndex, boolean consentToContact, Instant updatedAt) {

	}

}
