package org.plazo.notify.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Encrypts and decrypts personal fields with the data key of their person (one per case),
 * envelope-style: each person key is a Tink AES-256-GCM keyset kept in
 * {@code person_keys}, wrapped by the master keyset. Deleting a person key makes every
 * copy of their fields unreadable, backups included (crypto-shredding). The associated
 * data of a field is its collection, document id and field name, so a ciphertext moved to
 * another place does not decrypt.
 */
@Service
public class PersonKeys {

	static final String COLLECTION = "person_keys";

	private final MongoOperations mongo;

	private final Aead master;

	private final KeysetHandle masterKeyset;

	private final Clock clock;

	@Autowired
	public PersonKeys(MongoOperations mongo, PrivacyProperties properties, Clock clock) {
		this(mongo, KeyFiles.keyset(properties.masterKeyset(), PredefinedAeadParameters.AES256_GCM, "master keyset"),
				clock);
	}

	PersonKeys(MongoOperations mongo, KeysetHandle masterKeyset, Clock clock) {
		this.mongo = mongo;
		this.masterKeyset = masterKeyset;
		this.master = primitive(masterKeyset);
		this.clock = clock;
	}

	/**
	 * Encrypts one field with the person's key, creating the key on first use.
	 * @param keyId the person key: the case id
	 * @param collection the collection of the document
	 * @param documentId the document's {@code _id}
	 * @param field the field's name
	 * @param value the value, or {@code null}
	 * @return the sealed value, or {@code null} for {@code null}
	 */
	public Sealed seal(String keyId, String collection, String documentId, String field, String value) {
		if (value == null) {
			return null;
		}
		try {
			byte[] ciphertext = primitive(keyOf(keyId, true)).encrypt(value.getBytes(StandardCharsets.UTF_8),
					associatedData(collection, documentId, field));
			return new Sealed(keyId, ciphertext);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A field of " + collection + " could not be encrypted", ex);
		}
	}

	/**
	 * Decrypts one field.
	 * @return the value, or {@code null} when there is none or its person key is gone
	 * (the person was erased)
	 */
	public String open(Sealed sealed, String collection, String documentId, String field) {
		if (sealed == null) {
			return null;
		}
		KeysetHandle key = keyOf(sealed.keyId(), false);
		if (key == null) {
			return null;
		}
		try {
			return new String(
					primitive(key).decrypt(sealed.ciphertext(), associatedData(collection, documentId, field)),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A field of " + collection + " could not be decrypted", ex);
		}
	}

	/**
	 * Deletes a person's key: what it encrypted can no longer be read anywhere.
	 * @param keyId the case id
	 */
	public void shred(String keyId) {
		this.mongo.remove(query(where("_id").is(keyId)), PersonKey.class);
	}

	/**
	 * Wraps again, with the master keyset's primary key, every person key wrapped by
	 * another one: the step after adding a new primary to the master keyset, before the
	 * old key is disabled. Scans {@code person_keys}: run once per rotation.
	 * @return how many were re-wrapped
	 */
	public int rewrap() {
		long primary = masterKeyId();
		int rewrapped = 0;
		for (PersonKey stale : this.mongo.find(query(where("masterKeyId").ne(primary)), PersonKey.class)) {
			try {
				KeysetHandle key = TinkProtoKeysetFormat.parseEncryptedKeyset(stale.wrappedKey(), this.master,
						wrapData(stale.id()));
				this.mongo.save(new PersonKey(stale.id(), wrap(stale.id(), key), primary, stale.createdAt()));
				rewrapped++;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("A person key could not be re-wrapped", ex);
			}
		}
		return rewrapped;
	}

	private KeysetHandle keyOf(String keyId, boolean create) {
		PersonKey stored = this.mongo.findById(keyId, PersonKey.class);
		try {
			if (stored != null) {
				return TinkProtoKeysetFormat.parseEncryptedKeyset(stored.wrappedKey(), this.master, wrapData(keyId));
			}
			if (!create) {
				return null;
			}
			KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			try {
				this.mongo.insert(new PersonKey(keyId, wrap(keyId, created), masterKeyId(), this.clock.instant()));
				return created;
			}
			catch (DuplicateKeyException ex) {
				// Created at the same moment by another writer: use theirs.
				return keyOf(keyId, false);
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A person key could not be read or created", ex);
		}
	}

	private long masterKeyId() {
		return Integer.toUnsignedLong(this.masterKeyset.getPrimary().getId());
	}

	private byte[] wrap(String keyId, KeysetHandle key) throws GeneralSecurityException {
		return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, this.master, wrapData(keyId));
	}

	private static byte[] wrapData(String keyId) {
		return (COLLECTION + "/" + keyId).getBytes(StandardCharsets.UTF_8);
	}

	static byte[] associatedData(String collection, String documentId, String field) {
		return (collection + "/" + documentId + "/" + field).getBytes(StandardCharsets.UTF_8);
	}

	private static Aead primitive(KeysetHandle keyset) {
		try {
			return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an AEAD keyset", ex);
		}
	}

	boolean exists(String keyId) {
		return this.mongo.exists(Query.query(where("_id").is(keyId)), PersonKey.class);
	}

	/**
	 * A person's data key, wrapped.
	 *
	 * @param id the case id
	 * @param wrappedKey the Tink keyset, encrypted by the master keyset
	 * @param masterKeyId the id of the master key that wrapped it
	 * @param createdAt when it was created
	 */
	@Document(COLLECTION)
	record PersonKey(@Id String id, byte[] wrappedKey, long masterKeyId, Instant createdAt) {

	}

}
