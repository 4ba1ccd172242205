package org.plazo.notify.partners.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random secrets, their hashes, constant-time comparison and keyed references.
 */
public final class Secrets {

	private static final SecureRandom random = new SecureRandom();

	private static final Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();

	private Secrets() {
	}

	/** {@code bytes} random bytes, base64url without padding. */
	public static String random(int bytes) {
		return base64Url.encodeToString(randomBytes(bytes));
	}

	public static byte[] randomBytes(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return value;
	}

	/** Lower-case letters and digits, for ids that must not contain separators. */
	public static String randomId(int length) {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return id.toString();
	}

	/**
	 * SHA-256 of a high-entropy secret, in hex: enough to store it, never to recover it.
	 */
	public static String sha256(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

	/**
	 * Compares a presented secret with a stored hash in time independent of where they
	 * differ.
	 */
	public static boolean matches(String presented, String storedHash) {
		byte[] presentedHash = sha256(presented).getBytes(StandardCharsets.US_ASCII);
		byte[] stored = ((storedHash != null) ? storedHash : "").getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(presentedHash, stored) && storedHash != null;
	}

	/** Compares two secrets in time independent of where they differ. */
	public static boolean equal(String presented, String expected) {
		return MessageDigest.isEqual(sha256(presented).getBytes(StandardCharsets.US_ASCII),
				sha256(expected).getBytes(StandardCharsets.US_ASCII));
	}

	/** HMAC-SHA256 of a message, base64url without padding. */
	public static String hmac(byte[] key, String message) {
		return base64Url.encodeToString(hmacBytes(key, message.getBytes(StandardCharsets.UTF_8)));
	}

	public static byte[] hmacBytes(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing", ex);
		}
	}

}
