package org.plazo.notify.privacy;

import java.time.Clock;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Keys held in memory, for tests without Spring.
 */
public final class PrivacyFixtures {

	private static final PrivacyProperties IN_MEMORY = new PrivacyProperties("", "", "");

	/** One master keyset and lookup key for every test of the JVM, as one service has. */
	private static final KeysetHandle MASTER = KeyFiles.keyset("", PredefinedAeadParameters.AES256_GCM,
			"master keyset");

	private static final PhoneIndex INDEX = new PhoneIndex(IN_MEMORY);

	private PrivacyFixtures() {
	}

	public static PersonKeys keys(MongoOperations mongo, Clock clock) {
		return new PersonKeys(mongo, MASTER, clock);
	}

	public static PhoneIndex index() {
		return INDEX;
	}

	public static ErasedCases erased(MongoOperations mongo) {
		return new ErasedCases(mongo);
	}

}
