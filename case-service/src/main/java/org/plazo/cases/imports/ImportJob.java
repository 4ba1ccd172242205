package org.plazo.cases.imports;

import java.time.Instant;
import java.util.List;

import org.plazo.cases.imports.ImportStatus.RejectedRow;
import org.plazo.cases.imports.ImportStatus.State;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An import as stored, one document per file in the {@value #COLLECTION} collection. The
 * file itself waits in {@code csv} until the import ends (rejected, done or failed), so
 * that a restarted service can finish it; then it is removed.
 *
 * @param id the import's id
 * @param fileName as uploaded
 * @param actor who uploaded it: a staff member's id, or {@code api}
 * @param state where it stands
 * @param totalRows the file's data rows
 * @param processedRows rows whose case is stored; a resumed import starts there
 * @param imported cases stored
 * @param rejected the report of a rejected file
 * @param startedAt when the file was received
 * @param finishedAt when it ended
 * @param leaseUntil until when the worker that holds it may go without showing progress
 * @param attempts how many times in a row a worker took it up without making progress
 * @param sha256 the file's SHA-256, hex, to refuse the same file twice
 * @param csv the file, encrypted with the master key (associated data: the import's id),
 * until the import ends
 */
@Document(ImportJob.COLLECTION)
record ImportJob(@Id String id, String fileName, String actor, State state, int totalRows, int processedRows,
		int imported, List<RejectedRow> rejected, Instant startedAt, Instant finishedAt, Instant leaseUntil,
		int attempts, String sha256, byte[] csv) {

	static final String COLLECTION = "imports";

	ImportStatus status() {
		return new ImportStatus(this.id, this.fileName, this.state, this.totalRows, this.processedRows, this.imported,
				this.rejected, this.startedAt, this.finishedAt);
	}

	// Never the file: it holds names, phones and emails.
	@Override
	public String toString() {
		return "ImportJob " + this.id + " " + this.state;
	}

}
