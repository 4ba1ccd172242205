package org.plazo.cases.imports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.plazo.cases.cases.CaseOpenings;
import org.plazo.cases.cases.InvalidRequestException;
import org.plazo.cases.imports.ImportStatus.RejectedRow;
import org.plazo.cases.imports.ImportStatus.State;
import org.plazo.cases.privacy.MasterKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Runs imports on a bounded executor of its own: validates every row, then stores every
 * row's case, or nothing. A row's case id follows from the import's id and the row's
 * number, and its write is an insert that a repeat leaves alone, so an import taken up
 * again after a crash (at start-up and every resume interval) finishes without a
 * duplicate. Logs carry ids and counts, never a value from the file.
 */
@Component
class ImportWorker implements DisposableBean {

	/** Progress is stored, and the lease renewed, every this many rows. */
	static final int PROGRESS_EVERY = 10;

	private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

	private final ImportJobs jobs;

	private final CaseOpenings openings;

	private final ImportProperties properties;

	private final Clock clock;

	private final MasterKeys keys;

	// One worker: imports are rare and long; the service keeps its cores for requests
	// and the relay. Queued imports show VALIDATING until their turn.
	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(100), new CustomizableThreadFactory("case-import-"),
			new ThreadPoolExecutor.AbortPolicy());

	ImportWorker(ImportJobs jobs, CaseOpenings openings, ImportProperties properties, Clock clock, MasterKeys keys) {
		this.jobs = jobs;
		this.openings = openings;
		this.properties = properties;
		this.clock = clock;
		this.keys = keys;
	}

	/** The id of the case a row opens: the same for the same import and row, always. */
	static String caseId(String importId, int row) {
		return UUID.nameUUIDFromBytes(("plazo-import:" + importId + ":" + row).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/** Runs the import soon; with the queue full, the next resume takes it up. */
	void submit(String importId) {
		try {
			this.executor.execute(() -> run(importId));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Import {} queued for the next resume: the import queue is full", importId);
		}
	}

	/** Takes up imports a crash or a full queue left unfinished. */
	@Scheduled(initialDelay = 0, fixedDelayString = "${plazo.imports.resume-interval:PT1M}")
	void resumeUnfinished() {
		try {
			List<String> unheld = this.jobs.unheld(this.clock.instant());
			if (!unheld.isEmpty()) {
				log.info("Resuming {} unfinished import(s)", unheld.size());
				unheld.forEach(this::submit);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Looking for unfinished imports failed: {}", ex.getClass().getName());
		}
	}

	/**
	 * Validates and imports, or takes up an import where it stopped. Does nothing when
	 * the import is finished or another worker holds it.
	 */
	void run(String importId) {
		Optional<ImportJob> claimed = this.jobs.claim(importId, this.clock.instant(), leaseUntil());
		if (claimed.isEmpty()) {
			return;
		}
		ImportJob job = claimed.get();
		if (job.attempts() > this.properties.maxAttempts()) {
			log.error("Import {} given up: taken up {} times without progress, {} of {} rows imported", importId,
					job.attempts() - 1, job.processedRows(), job.totalRows());
			this.jobs.failed(importId, this.clock.instant());
			return;
		}
		try {
			byte[] csv = this.keys.decrypt(job.csv(), CaseImports.fileAssociatedData(importId));
			List<CaseloadFile.Row> rows = CaseloadFile.read(csv, Integer.MAX_VALUE).rows();
			if (job.state() == State.VALIDATING && !validate(importId, rows)) {
				return;
			}
			importRows(importId, rows, (job.state() == State.IMPORTING) ? job.processedRows() : 0);
		}
		catch (ImportRefusedException | InvalidRequestException ex) {
			// A file accepted before cannot be read now, or a row checked good is bad:
			// the rules changed between validation and import (a new version).
			log.error("Import {} failed: a row checked good no longer is ({})", importId, ex.getClass().getName());
			this.jobs.failed(importId, this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Import {} stopped, to be resumed: {}", importId, ex.getClass().getName());
			release(importId);
		}
	}

	/**
	 * @return whether every row is good; if not, the import is rejected.
	 */
	private boolean validate(String importId, List<CaseloadFile.Row> rows) {
		List<RejectedRow> rejected = CaseRows.check(rows, this.openings, CaseImports.MAX_REPORTED);
		if (!rejected.isEmpty()) {
			this.jobs.rejected(importId, rejected, this.clock.instant());
			log.info("Import {} rejected: {} problem(s) reported, nothing stored", importId, rejected.size());
			return false;
		}
		this.jobs.importing(importId, leaseUntil());
		log.info("Import {} validated: {} rows, importing", importId, rows.size());
		return true;
	}

	private void importRows(String importId, List<CaseloadFile.Row> rows, int from) {
		int processed = from;
		int added = 0;
		for (CaseloadFile.Row row : rows.subList(from, rows.size())) {
			CaseRows.Draft draft = CaseRows.draft(row);
			if (this.openings.open(caseId(importId, row.number()), draft.request(), draft.history())) {
				added++;
			}
			processed++;
			if (processed % PROGRESS_EVERY == 0 && processed < rows.size()) {
				this.jobs.progress(importId, processed, processed, leaseUntil());
			}
		}
		this.jobs.done(importId, processed, processed, this.clock.instant());
		log.info("Import {} done: {} rows, {} case(s) stored by this run, {} found stored already", importId, processed,
				added, (processed - from) - added);
	}

	private void release(String importId) {
		try {
			this.jobs.release(importId);
		}
		catch (RuntimeException ex) {
			// The lease runs out by itself.
		}
	}

	private Instant leaseUntil() {
		return this.clock.instant().plus(this.properties.lease());
	}

	@Override
	public void destroy() throws InterruptedException {
		// An import cut short here is resumed by the next start.
		this.executor.shutdownNow();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
