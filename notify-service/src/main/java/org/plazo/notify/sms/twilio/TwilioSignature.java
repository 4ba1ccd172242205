package org.plazo.notify.sms.twilio;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): the Base64 HMAC-SHA1, keyed
 * with the account's auth token, of the full URL Twilio called followed by each POST
 * parameter's name and value, sorted by name.
 */
final class TwilioSignature {

	private TwilioSignature() {
	}

	static String sign(String authToken, String url, Map<String, String> parameters) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA1 is not available", ex);
		}
	}

	/**
	 * Checks a signature in constant time.
	 * @param authToken the auth token
	 * @param url the full URL Twilio called
	 * @param parameters the POST parameters
	 * @param signature the header's value, or {@code null}
	 * @return whether it is Twilio's
	 */
	static boolean isValid(String authToken, String url, Map<String, String> parameters, String signature) {
		if (signature == null || signature.isBlank() || authToken == null || authToken.isEmpty()) {
			return false;
		}
		byte[] expected = sign(authToken, url, parameters).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8));
	}

}
