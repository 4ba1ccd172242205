package org.plazo.cases.cases;

/**
 * Encrypts the personal fields of a case with the case's person key. Implemented by the
 * privacy feature (Google Tink); the case feature only says what is personal.
 */
public interface PersonalDataCipher {

	/**
	 * The cipher of one case, to use for one document: it reads the person key once.
	 * @param caseId the case, whose person key encrypts
	 */
	ForCase forCase(String caseId);

	/**
	 * Encrypts and decrypts the fields of one case.
	 */
	interface ForCase {

		/**
		 * @param field the field's path in the case document, bound to the ciphertext
		 * with the case id, so it decrypts nowhere else
		 * @return the ciphertext and the id of the key that wrote it; the person key is
		 * made on first use
		 */
		Sealed seal(String field, byte[] plaintext);

		/**
		 * @throws IllegalStateException when it does not decrypt: the person key is gone,
		 * or the ciphertext belongs to another case or field
		 */
		byte[] open(String field, Sealed sealed);

	}

	/**
	 * A ciphertext and the key that wrote it.
	 *
	 * @param keyId the Tink key id of the person key that encrypted
	 * @param ciphertext Tink's output, starting with the key id prefix
	 */
	record Sealed(int keyId, byte[] ciphertext) {

	}

}
