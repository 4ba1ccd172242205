package org.plazo.cases.imports;

import java.time.Instant;
import java.util.List;

/**
 * Where an import stands: the answer of {@code POST /api/v1/imports} and {@code GET
 * /api/v1/imports/{id}}, and what the console shows. It never holds a value from the
 * file: rows are named by number, columns by name.
 *
 * @param importId the import's id
 * @param fileName the name the file was uploaded with
 * @param state where it stands
 * @param totalRows the data rows of the file (the header and blank rows not counted)
 * @param processedRows the rows written so far by the import; 0 until it is
 * {@link State#IMPORTING}
 * @param imported the cases stored by the import; all rows once {@link State#DONE}
 * @param rejected why the file was {@link State#REJECTED}: each bad field of each bad row
 * (at most {@value CaseImports#MAX_REPORTED} entries); empty otherwise
 * @param startedAt when the file was received
 * @param finishedAt when it was rejected, done or failed; {@code null} until then
 */
public record ImportStatus(String importId, String fileName, State state, int totalRows, int processedRows,
		int imported, List<RejectedRow> rejected, Instant startedAt, Instant finishedAt) {

	public ImportStatus {
		rejected = (rejected != null) ? List.copyOf(rejected) : List.of();
	}

	/** Whether the import has come to an end, good or bad. */
	public boolean finished() {
		return this.state == State.REJECTED || this.state == State.DONE || this.state == State.FAILED;
	}

	/**
	 * The states of an import, in order: {@code VALIDATING}, then {@code REJECTED}
	 * (nothing stored) or {@code IMPORTING}, then {@code DONE}; {@code FAILED} only when
	 * the service could not finish a valid file (see docs/import.md).
	 */
	public enum State {

		/** Every row is being checked; nothing is stored yet. */
		VALIDATING,
		/** At least one row is bad: nothing was stored, nothing published. */
		REJECTED,
		/** Every row was good; the cases are being stored. */
		IMPORTING,
		/** Every row's case is stored and its events are on their way. */
		DONE,
		/** The service gave up on a valid file; {@code imported} cases are stored. */
		FAILED

	}

	/**
	 * One bad field of one row.
	 *
	 * @param row the row's number as a spreadsheet shows it: the header is row 1
	 * @param field the column's name, or {@code row} for the row as a whole
	 * @param reason what is wrong, never the value
	 */
	public record RejectedRow(int row, String field, String reason) {

	}

}
