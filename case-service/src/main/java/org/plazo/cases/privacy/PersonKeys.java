package org.plazo.cases.privacy;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.bson.Document;
import org.bson.types.Binary;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One data key per person (per case), a Tink AES-256-GCM keyset stored wrapped by the
 * master keyset in {@value #COLLECTION}: {@code {_id: caseId, wrappedKey, masterKeyId,
 * createdAt}}. Deleting it makes every ciphertext of the person unreadable, wherever a
 * copy lies (crypto-shredding). Read by {@code _id} only, except the re-wrap after a
 * master key rotation.
 */
@Component
class PersonKeys {

	static final String COLLECTION = "person_keys";

	private static final String WRAPPED_KEY = "wrappedKey";

	private static final String MASTER_KEY_ID = "masterKeyId";

	private final MongoOperations mongo;

	private final MasterKeys master;

	private final Clock clock;

	PersonKeys(MongoOperations mongo, MasterKeys master, Clock clock) {
		this.mongo = mongo;
		this.master = master;
		this.clock = clock;
	}

	/** The person's key, made and stored on first use. */
	KeysetHandle forCase(String caseId) {
		return existing(caseId).orElseGet(() -> create(caseId));
	}

	/** The person's key; empty when there never was one or it was destroyed. */
	Optional<KeysetHandle> existing(String caseId) {
		Document stored = this.mongo.findById(caseId, Document.class, COLLECTION);
		return Optional.ofNullable(stored).map((document) -> unwrap(caseId, document));
	}

	static Aead aead(KeysetHandle handle) {
		try {
			return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an AEAD keyset", ex);
		}
	}

	/** Destroys the person's key. Idempotent. */
	void delete(String caseId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(caseId)), COLLECTION);
	}

	/**
	 * Re-wraps every person key wrapped by another master key than the primary. Scans the
	 * collection: once per rotation.
	 * @return how many were re-wrapped
	 */
	int rewrap() {
		int primary = this.master.primaryKeyId();
		Query query = Query.query(Criteria.where(MASTER_KEY_ID).ne(primary));
		int rewrapped = 0;
		for (Document document : this.mongo.find(query, Document.class, COLLECTION)) {
			String caseId = document.get("_id").toString();
			KeysetHandle key = unwrap(caseId, document);
			// By _id alone: a key erased meanwhile stays erased (no upsert).
			long matched = this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(caseId)),
						new Update().set(WRAPPED_KEY, new Binary(wrap(caseId, key))).set(MASTER_KEY_ID, primary),
						COLLECTION)
				.getMatchedCount();
			rewrapped += (int) matched;
		}
		return rewrapped;
	}

	/** How many person keys each master key wraps; scans, for operators. */
	long wrappedUnderOtherThan(int masterKeyId) {
		return this.mongo.count(Query.query(Criteria.where(MASTER_KEY_ID).ne(masterKeyId)), COLLECTION);
	}

	List<Integer> masterKeyIdsInUse() {
		return this.mongo.findDistinct(new Query(), MASTER_KEY_ID, COLLECTION, Integer.class);
	}

	private KeysetHandle create(String caseId) {
		KeysetHandle key;
		try {
			key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot make a person key", ex);
		}
		Document document = new Document("_id", caseId).append(WRAPPED_KEY, new Binary(wrap(caseId, key)))
			.append(MASTER_KEY_ID, this.master.primaryKeyId())
			.append("createdAt", java.util.Date.from(now()));
		try {
			this.mongo.insert(document, COLLECTION);
			return key;
		}
		catch (DuplicateKeyException ex) {
			// Made a moment ago by another writer of the same case: use that one.
			return existing(caseId).orElseThrow(() -> ex);
		}
	}

	private byte[] wrap(String caseId, KeysetHandle key) {
		try {
			return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, this.master.aead(),
					MasterKeys.associatedData(COLLECTION, caseId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot wrap a person key", ex);
		}
	}

	private KeysetHandle unwrap(String caseId, Document document) {
		try {
			return TinkProtoKeysetFormat.parseEncryptedKeyset(((Binary) document.get(WRAPPED_KEY)).getData(),
					this.master.aead(), MasterKeys.associatedData(COLLECTION, caseId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot unwrap the person key of a case", ex);
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

}
