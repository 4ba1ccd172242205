package org.plazo.notify.abuse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.plazo.notify.sms.TokenBucket;

/**
 * Token buckets by key. Keys (phone numbers, addresses, API keys) are kept only as an
 * HMAC under a key drawn at start, so a dump of the memory does not list them, and they
 * are never logged. The least recently seen keys are forgotten beyond a maximum.
 */
final class RateLimits {

	private final AbuseProperties.Limit limit;

	private final Clock clock;

	private final Map<String, TokenBucket> buckets;

	private final byte[] hmacKey = new byte[32];

	RateLimits(AbuseProperties.Limit limit, int maxKeys, Clock clock) {
		this.limit = limit;
		this.clock = clock;
		this.buckets = new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
				return size() > maxKeys;
			}

		};
		new SecureRandom().nextBytes(this.hmacKey);
	}

	/**
	 * Takes one request's token from the key's bucket.
	 * @param key the sender, client or credential
	 * @return zero when the request may go on, otherwise how long until one would be
	 * allowed
	 */
	Duration take(String key) {
		String hashed = hash(key);
		TokenBucket bucket;
		synchronized (this.buckets) {
			bucket = this.buckets.computeIfAbsent(hashed,
					(k) -> new TokenBucket(this.limit.perSecond(), this.limit.limit(), this.clock));
		}
		return bucket.take(1);
	}

	private String hash(String key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.hmacKey, "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
