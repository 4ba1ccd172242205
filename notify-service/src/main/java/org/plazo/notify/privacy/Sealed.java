package org.plazo.notify.privacy;

import java.util.Arrays;

/**
 * A personal field as stored: the id of the person key that encrypted it (the case id of
 * its {@code person_keys} document) and the Tink ciphertext, which starts with the 5-byte
 * id of the key inside that keyset.
 *
 * @param keyId the person key
 * @param ciphertext AES-256-GCM ciphertext with Tink's prefix
 */
public record Sealed(String keyId, byte[] ciphertext) {

	@Override
	public boolean equals(Object other) {
		return other instanceof Sealed sealed && sealed.keyId.equals(this.keyId)
				&& Arrays.equals(sealed.ciphertext, this.ciphertext);
	}

	@Override
	public int hashCode() {
		return 31 * this.keyId.hashCode() + Arrays.hashCode(this.ciphertext);
	}

	@Override
	public String toString() {
		return "Sealed[keyId=" + this.keyId + "]";
	}

}
