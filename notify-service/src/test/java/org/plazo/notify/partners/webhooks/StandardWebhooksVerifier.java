package org.plazo.notify.partners.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a webhook, written from the Standard Webhooks 1.0 specification
 * alone, sharing no code with the sending side: the signed content is
 * {@code msg_id.timestamp.payload}; the key is the base64 part of the secret after the
 * {@code whsec_} prefix; {@code webhook-signature} is a space-delimited list of
 * {@code v1,<base64 signature>}, any one of which may match; signatures are compared in
 * constant time; timestamps too far from now are refused against replay attacks.
 */
public final class StandardWebhooksVerifier {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final byte[] key;

	public StandardWebhooksVerifier(String secret) {
		String base64 = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
		this.key = Base64.getDecoder().decode(base64);
	}

	/**
	 * @return whether the message is authentic and fresh
	 */
	public boolean verify(String msgId, String timestampHeader, String signatureHeader, byte[] payload, Instant now) {
		if (msgId == null || timestampHeader == null || signatureHeader == null) {
			return false;
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(timestampHeader);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
			return false;
		}
		byte[] expected = expectedSignature(msgId, timestampHeader, payload);
		for (String versioned : List.of(signatureHeader.split(" "))) {
			int comma = versioned.indexOf(',');
			if (comma < 0 || !versioned.substring(0, comma).equals("v1")) {
				continue;
			}
			byte[] presented;
			try {
				presented = Base64.getDecoder().decode(versioned.substring(comma + 1));
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			if (MessageDigest.isEqual(expected, presented)) {
				return true;
			}
		}
		return false;
	}

	private byte[] expectedSignature(String msgId, String timestamp, byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			mac.update((msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(payload);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
