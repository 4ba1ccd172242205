package org.plazo.cases.privacy;

import java.security.GeneralSecurityException;
import java.util.function.Supplier;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import org.plazo.cases.cases.PersonalDataCipher;

import org.springframework.stereotype.Component;

/**
 * Encrypts a case's personal fields with its person key (envelope encryption: the person
 * key is wrapped by the master keyset). The associated data binds each ciphertext to the
 * collection, the case and the field, so it decrypts nowhere else.
 */
@Component
class FieldEncryption implements PersonalDataCipher {

	static final String CASES = "cases";

	private final PersonKeys keys;

	FieldEncryption(PersonKeys keys) {
		this.keys = keys;
	}

	@Override
	public ForCase forCase(String caseId) {
		return new ForCase() {

			// Read (or made) once per document, on first need.
			private KeysetHandle key;

			@Override
			public Sealed seal(String field, byte[] plaintext) {
				KeysetHandle handle = key(() -> FieldEncryption.this.keys.forCase(caseId));
				try {
					return new Sealed(handle.getPrimary().getId(), PersonKeys.aead(handle)
						.encrypt(plaintext, MasterKeys.associatedData(CASES, caseId, field)));
				}
				catch (GeneralSecurityException ex) {
					throw new IllegalStateException("Cannot encrypt a personal field", ex);
				}
			}

			@Override
			public byte[] open(String field, Sealed sealed) {
				KeysetHandle handle = key(() -> FieldEncryption.this.keys.existing(caseId)
					.orElseThrow(() -> new IllegalStateException("The person key of this case is gone")));
				Aead aead = PersonKeys.aead(handle);
				try {
					return aead.decrypt(sealed.ciphertext(), MasterKeys.associatedData(CASES, caseId, field));
				}
				catch (GeneralSecurityException ex) {
					throw new IllegalStateException("A personal field does not decrypt here", ex);
				}
			}

			private KeysetHandle key(Supplier<KeysetHandle> lookup) {
				if (this.key == null) {
					this.key = lookup.get();
				}
				return this.key;
			}

		};
	}

}
