package org.plazo.notify.partners.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.plazo.notify.partners.support.Secrets;

/**
 * Signs deliveries per Standard Webhooks 1.0: {@code webhook-signature} is a
 * space-separated list of {@code v1,<base64 HMAC-SHA256>} over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, one per secret that signs now (two
 * while a rotated-out secret overlaps the new one). The HMAC key is the base64-decoded
 * part of the secret after {@code whsec_}.
 */
final class WebhookSignatures {

	static final String PREFIX = "whsec_";

	private WebhookSignatures() {
	}

	/** A new secret: {@code whsec_} and base64 of 32 random bytes. */
	static String newSecret() {
		return PREFIX + Base64.getEncoder().encodeToString(Secrets.randomBytes(32));
	}

	static String sign(String messageId, long timestamp, byte[] body, List<String> secrets) {
		byte[] prefix = (messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, content, 0, prefix.length);
		System.arraycopy(body, 0, content, prefix.length, body.length);
		return secrets.stream()
			.map((secret) -> "v1," + Base64.getEncoder().encodeToString(Secrets.hmacBytes(key(secret), content)))
			.collect(Collectors.joining(" "));
	}

	private static byte[] key(String secret) {
		return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
	}

}
