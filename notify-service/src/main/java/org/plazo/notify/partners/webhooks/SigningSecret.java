package org.plazo.notify.partners.webhooks;

import java.time.Instant;

/**
 * A secret an endpoint's deliveries are signed with: {@code whsec_} and base64 of 32
 * random bytes. Stored as it is, since signing needs it (issue 7 brings field
 * encryption).
 *
 * @param secret the secret
 * @param createdAt when it was issued
 * @param expiresAt when it stops signing, once a newer one replaced it; {@code null} for
 * the current one
 */
record SigningSecret(String secret, Instant createdAt, Instant expiresAt) {

	boolean signsAt(Instant now) {
		return this.expiresAt == null || now.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "SigningSecret[createdAt=" + this.createdAt + ", expiresAt=" + this.expiresAt + "]";
	}

}
