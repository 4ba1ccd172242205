package org.plazo.notify.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plazo.notify.testing.MongoStandIn;
import org.plazo.notify.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PersonKeysTests {

	private static final Instant NOW = Instant.parse("2026-08-04T15:00:00Z");

	private final MongoStandIn mongo = new MongoStandIn();

	private final PersonKeys keys = PrivacyFixtures.keys(this.mongo.template(), new MutableClock(NOW));

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void fieldsDecryptOnlyInTheirPlaceAndNotAfterTheKeyIsShredded() {
		Sealed phone = this.keys.seal("case-1", "recipients", "case-1", "phone", "+50760001234");

		assertThat(phone.keyId()).isEqualTo("case-1");
		assertThat(new String(phone.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("60001234");
		assertThat(this.keys.open(phone, "recipients", "case-1", "phone")).isEqualTo("+50760001234");
		// Moved to another field or document: refused.
		assertThatIllegalStateException().isThrownBy(() -> this.keys.open(phone, "recipients", "case-1", "email"));
		assertThatIllegalStateException().isThrownBy(() -> this.keys.open(phone, "recipients", "case-2", "phone"));
		Document stored = this.mongo.template().getCollection("person_keys").find().first();
		assertThat(stored).containsKeys("_id", "wrappedKey", "masterKeyId", "createdAt");

		this.keys.shred("case-1");

		assertThat(this.keys.open(phone, "recipients", "case-1", "phone")).isNull();
	}

	@Test
	void rotatingTheMasterKeysetRewrapsPersonKeysWithoutLosingFields() throws Exception {
		KeysetHandle old = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		PersonKeys before = new PersonKeys(this.mongo.template(), old, new MutableClock(NOW));
		Sealed email = before.seal("case-1", "recipients", "case-1", "email", "ana@example.org");
		// A new primary key beside the old one.
		KeysetHandle rotated = KeysetHandle.newBuilder(old)
			.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
				.makePrimary()
				.withRandomId())
			.build();
		PersonKeys after = new PersonKeys(this.mongo.template(), rotated, new MutableClock(NOW));

		assertThat(after.rewrap()).isEqualTo(1);
		assertThat(after.rewrap()).isZero();
		assertThat(after.open(email, "recipients", "case-1", "email")).isEqualTo("ana@example.org");
	}

	@Test
	void theEmbeddedDefaultCreatesKeyFilesOnceAndReadsThemBack(@TempDir Path keys) throws Exception {
		Path master = keys.resolve("keys/master-keyset.json");
		Path lookup = keys.resolve("keys/lookup-key");
		PrivacyProperties properties = new PrivacyProperties(master.toString(), lookup.toString(), "");

		PhoneIndex first = new PhoneIndex(properties);
		new PersonKeys(this.mongo.template(), properties, new MutableClock(NOW));

		assertThat(Files.readString(master)).contains("primaryKeyId");
		assertThat(Files.size(lookup)).isEqualTo(32);
		assertThat(new PhoneIndex(properties).current("+50760001234")).isEqualTo(first.current("+50760001234"));
	}

	@Test
	void duringALookupKeyRotationPhonesHashUnderBothKeys(@TempDir Path keys) throws Exception {
		Path previous = keys.resolve("previous");
		Path current = keys.resolve("current");
		PhoneIndex before = new PhoneIndex(new PrivacyProperties("", previous.toString(), ""));
		new PhoneIndex(new PrivacyProperties("", current.toString(), ""));

		PhoneIndex rotating = new PhoneIndex(new PrivacyProperties("", current.toString(), previous.toString()));

		assertThat(rotating.hashes("+50760001234")).hasSize(2)
			.endsWith(before.current("+50760001234"))
			.doesNotHaveDuplicates()
			.allSatisfy((hash) -> assertThat(hash).hasSize(64).doesNotContain("60001234"));
	}

	@Test
	void aTinkMacKeysetServesAsLookupKey(@TempDir Path keys) throws Exception {
		Path keyset = keys.resolve("lookup.json");
		Files.writeString(keyset,
				TinkJsonProtoKeysetFormat.serializeKeyset(
						KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
						InsecureSecretKeyAccess.get()));

		PhoneIndex index = new PhoneIndex(new PrivacyProperties("", keyset.toString(), ""));

		assertThat(index.current("+50760001234")).isEqualTo(index.current("+50760001234"))
			.isNotEqualTo(index.current("+50760001235"))
			.doesNotContain("60001234");
	}

}
