package org.plazo.notify.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.mac.MacConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * Reads the key files, and writes new ones where none exist yet (the embedded default),
 * loudly: a key created on first start is only as safe as the disk it lies on.
 */
final class KeyFiles {

	private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

	static {
		try {
			AeadConfig.register();
			MacConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink could not be registered", ex);
		}
	}

	private KeyFiles() {
	}

	/**
	 * @param location a Tink JSON keyset file, or empty for a new keyset in memory
	 * @param parameters what a new keyset holds
	 * @param what what the keyset is for, in warnings
	 */
	static KeysetHandle keyset(String location, Parameters parameters, String what) {
		try {
			if (!StringUtils.hasText(location)) {
				log.warn("No {} file configured: using a keyset held in memory only; what it protects is unreadable "
						+ "after a restart", what);
				return KeysetHandle.generateNew(parameters);
			}
			Path file = Path.of(location);
			if (Files.exists(file)) {
				return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
						InsecureSecretKeyAccess.get());
			}
			KeysetHandle created = KeysetHandle.generateNew(parameters);
			write(file, TinkJsonProtoKeysetFormat.serializeKeyset(created, InsecureSecretKeyAccess.get())
				.getBytes(StandardCharsets.UTF_8));
			log.warn("Created a new {} at {}: fine for the embedded default, never for real data (keep the key in a "
					+ "KMS or a secret store, outside the data directory and its backups)", what, file);
			return created;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The " + what + " could not be read or created", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The " + what + " could not be read or created", ex);
		}
	}

	/**
	 * The bytes of a key file: a Tink JSON keyset or 32 raw bytes; a missing file is
	 * created with 32 random bytes.
	 * @return the file's bytes, or 32 random bytes held in memory when the location is
	 * empty
	 */
	static byte[] bytes(String location, String what, boolean create) {
		try {
			if (!StringUtils.hasText(location)) {
				log.warn("No {} file configured: using a key held in memory only", what);
				return random();
			}
			Path file = Path.of(location);
			if (Files.exists(file)) {
				return Files.readAllBytes(file);
			}
			if (!create) {
				throw new IllegalStateException("The " + what + " file does not exist");
			}
			byte[] key = random();
			write(file, key);
			log.warn("Created a new {} at {}: fine for the embedded default, never for real data", what, file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The " + what + " could not be read or created", ex);
		}
	}

	private static byte[] random() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	private static void write(Path file, byte[] content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Files.write(file, content);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: its own permissions apply.
		}
	}

}
