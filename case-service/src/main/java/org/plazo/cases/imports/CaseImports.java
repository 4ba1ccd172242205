package org.plazo.cases.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.plazo.cases.imports.ImportStatus.State;
import org.plazo.cases.privacy.MasterKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Caseload imports, for the API and the operator console alike: start one with a CSV
 * file, follow it, download the template. docs/import.md describes the columns and what
 * happens to a file.
 * <p>
 * A file is refused at once when its shape is wrong ({@link ImportRefusedException});
 * otherwise its rows are checked and imported in the background, and {@link #find} shows
 * how far it got. If any row is bad, nothing is stored and nothing published.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class CaseImports {

	/** The most problems a report lists. */
	public static final int MAX_REPORTED = 1000;

	static final String DEFAULT_FILE_NAME = "caseload.csv";

	private static final int MAX_FILE_NAME = 200;

	private static final Logger log = LoggerFactory.getLogger(CaseImports.class);

	private final ImportJobs jobs;

	private final ImportWorker worker;

	private final ImportProperties properties;

	private final Clock clock;

	private final MasterKeys keys;

	CaseImports(ImportJobs jobs, ImportWorker worker, ImportProperties properties, Clock clock, MasterKeys keys) {
		this.jobs = jobs;
		this.worker = worker;
		this.properties = properties;
		this.clock = clock;
		this.keys = keys;
	}

	/**
	 * Checks the file's shape, stores it and starts checking and importing its rows in
	 * the background.
	 * @param fileName the name the file was uploaded with (kept to show; may be
	 * {@code null})
	 * @param csv the file: UTF-8 (a byte order mark allowed), separated by commas or
	 * semicolons, with a header
	 * @param actor who uploads it: a staff member's id, or {@code api}; kept with the
	 * import, never a person's name
	 * @return the import, {@link State#VALIDATING}, with its id and number of rows
	 * @throws ImportRefusedException when the file is empty, not UTF-8 CSV, has a wrong
	 * header, or is too large or too long (400, 413), or is the very file of an import
	 * under way or done (409); its {@code getBody()} is the problem to show
	 */
	public ImportStatus start(String fileName, byte[] csv, String actor) {
		if (csv.length > maxFileSize()) {
			throw tooLarge();
		}
		CaseloadFile file = CaseloadFile.read(csv, this.properties.maxRows());
		String sha256 = sha256(csv);
		this.jobs.sameFile(sha256).ifPresent((importId) -> {
			throw ImportRefusedException.alreadyImported(importId);
		});
		String id = UUID.randomUUID().toString();
		// Stored encrypted until the import ends: it holds names, phones and emails.
		ImportJob job = new ImportJob(id, fileName(fileName), actor, State.VALIDATING, file.rows().size(), 0, 0,
				List.of(), now(), null, null, 0, sha256, this.keys.encrypt(csv, fileAssociatedData(id)));
		this.jobs.insert(job);
		log.info("Import {} received: {} rows", job.id(), job.totalRows());
		this.worker.submit(job.id());
		return job.status();
	}

	/** Where an import stands; empty when there is none with this id. */
	public Optional<ImportStatus> find(String importId) {
		return this.jobs.find(importId).map(ImportJob::status);
	}

	/**
	 * The template to download: the header with every column and one invented example
	 * row, UTF-8 without a byte order mark.
	 */
	public byte[] template() {
		return CaseloadFile.template();
	}

	/** The largest file taken, in bytes. */
	public long maxFileSize() {
		return this.properties.maxFileSize().toBytes();
	}

	ImportRefusedException tooLarge() {
		return ImportRefusedException
			.tooLarge("The file is larger than " + this.properties.maxFileSize().toKilobytes() + " KB; split it.");
	}

	/** Binds an import's encrypted file to the import. */
	static byte[] fileAssociatedData(String importId) {
		return MasterKeys.associatedData(ImportJob.COLLECTION, importId);
	}

	private static String fileName(String fileName) {
		if (fileName == null || fileName.isBlank()) {
			return DEFAULT_FILE_NAME;
		}
		// Some browsers send the whole path.
		String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
		if (name.isEmpty()) {
			return DEFAULT_FILE_NAME;
		}
		return (name.length() > MAX_FILE_NAME) ? name.substring(0, MAX_FILE_NAME) : name;
	}

	private static String sha256(byte[] csv) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
