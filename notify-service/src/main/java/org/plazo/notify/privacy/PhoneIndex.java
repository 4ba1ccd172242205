package org.plazo.notify.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Finds a phone number without storing it: {@code HMAC-SHA256(E.164 number, lookup key)},
 * hex, stored beside the ciphertext and indexed. The lookup key is not the master keyset:
 * a leak of one does not give the other. While the key is rotated, every write stores the
 * hash under both keys and a lookup asks for either.
 */
@Component
public class PhoneIndex {

	private final List<Function<byte[], byte[]>> keys;

	public PhoneIndex(PrivacyProperties properties) {
		List<Function<byte[], byte[]>> keys = new ArrayList<>();
		keys.add(key(KeyFiles.bytes(properties.lookupKey(), "lookup key", true)));
		if (StringUtils.hasText(properties.previousLookupKey())) {
			keys.add(key(KeyFiles.bytes(properties.previousLookupKey(), "previous lookup key", false)));
		}
		this.keys = List.copyOf(keys);
	}

	/**
	 * @param e164 a phone number in E.164
	 * @return its hashes: under the current key first, then under the previous one during
	 * a rotation
	 */
	public List<String> hashes(String e164) {
		byte[] phone = e164.getBytes(StandardCharsets.UTF_8);
		return this.keys.stream().map((key) -> HexFormat.of().formatHex(key.apply(phone))).toList();
	}

	/**
	 * @param e164 a phone number in E.164
	 * @return its hash under the current key
	 */
	public String current(String e164) {
		return hashes(e164).get(0);
	}

	private static Function<byte[], byte[]> key(byte[] file) {
		// Exactly 32 bytes is a raw key (any Tink JSON keyset is far longer, and a random
		// key may well start with a brace).
		if (file.length != 32) {
			return tink(new String(file, StandardCharsets.UTF_8));
		}
		SecretKeySpec spec = new SecretKeySpec(file, "HmacSHA256");
		return (data) -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(spec);
				return mac.doFinal(data);
			}
			catch (NoSuchAlgorithmException | InvalidKeyException ex) {
				throw new IllegalStateException("HMAC-SHA256 is not available", ex);
			}
		};
	}

	private static Function<byte[], byte[]> tink(String json) {
		try {
			KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
			com.google.crypto.tink.Mac mac = keyset.getPrimitive(RegistryConfiguration.get(),
					com.google.crypto.tink.Mac.class);
			return (data) -> {
				try {
					return mac.computeMac(data);
				}
				catch (GeneralSecurityException ex) {
					throw new IllegalStateException("The lookup key could not hash", ex);
				}
			};
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The lookup key is not a Tink MAC keyset", ex);
		}
	}

}
