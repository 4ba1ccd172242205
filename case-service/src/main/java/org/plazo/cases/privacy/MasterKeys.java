package org.plazo.cases.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The service's master keyset (Tink, AES-256-GCM): it wraps the person keys and encrypts
 * import files. Read from {@code plazo.privacy.master-keyset}; created there on first
 * start when missing. It may hold several keys: the primary encrypts, every key decrypts,
 * so a new primary takes over without downtime.
 */
@Component
public class MasterKeys {

	private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

	private final Path file;

	private volatile Loaded loaded;

	@Autowired
	MasterKeys(PrivacyProperties properties) {
		this(properties.masterKeyset());
	}

	MasterKeys(Path file) {
		this.file = file.toAbsolutePath();
		register();
		this.loaded = load(this.file);
	}

	/** Encrypts with the primary key. */
	public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
		try {
			return this.loaded.aead().encrypt(plaintext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Master key encryption failed", ex);
		}
	}

	/** Decrypts with whichever key of the keyset wrote it. */
	public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
		try {
			return this.loaded.aead().decrypt(ciphertext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Master key decryption failed", ex);
		}
	}

	Aead aead() {
		return this.loaded.aead();
	}

	int primaryKeyId() {
		return this.loaded.handle().getPrimary().getId();
	}

	List<Integer> keyIds() {
		List<Integer> ids = new ArrayList<>();
		KeysetHandle handle = this.loaded.handle();
		for (int i = 0; i < handle.size(); i++) {
			ids.add(handle.getAt(i).getId());
		}
		return ids;
	}

	/**
	 * Adds a new AES-256-GCM key as primary, keeps the old ones for decryption, and
	 * writes the keyset back to its file.
	 * @return the new primary key's id
	 */
	synchronized int addPrimary() {
		try {
			KeysetHandle rotated = KeysetHandle.newBuilder(this.loaded.handle())
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			write(this.file, rotated);
			this.loaded = new Loaded(rotated, rotated.getPrimitive(RegistryConfiguration.get(), Aead.class));
			log.info("Master keyset: key {} is primary now; {} key(s) kept for decryption", primaryKeyId(),
					rotated.size() - 1);
			return primaryKeyId();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Master key rotation failed", ex);
		}
	}

	/** Reads the keyset file again, after an operator rolled a new one out. */
	synchronized void reload() {
		this.loaded = load(this.file);
	}

	private static Loaded load(Path file) {
		try {
			if (!Files.exists(file)) {
				log.warn("No master keyset at {}: creating one. Development only: a real deployment keeps the master "
						+ "key in a KMS and never beside the data (docs/security.md)", file);
				write(file, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
			}
			KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
					InsecureSecretKeyAccess.get());
			return new Loaded(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the master keyset", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The master keyset is not a Tink AEAD keyset", ex);
		}
	}

	// Written beside, then moved over: a crash never leaves half a keyset.
	private static void write(Path file, KeysetHandle handle) throws GeneralSecurityException {
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Path next = file.resolveSibling(file.getFileName() + ".next");
			Files.writeString(next, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()),
					StandardCharsets.UTF_8);
			Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the master keyset", ex);
		}
	}

	static void register() {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink AEAD is unavailable", ex);
		}
	}

	/** Binds a ciphertext to where it belongs: the parts, each ended by a NUL. */
	public static byte[] associatedData(String... parts) {
		StringBuilder joined = new StringBuilder();
		for (String part : parts) {
			joined.append(part).append('\0');
		}
		return joined.toString().getBytes(StandardCharsets.UTF_8);
	}

	private record Loaded(KeysetHandle handle, Aead aead) {

	}

}
