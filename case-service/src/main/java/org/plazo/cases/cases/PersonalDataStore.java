package org.plazo.cases.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.plazo.cases.outbox.RecordedEvent;

/**
 * The writes and reads of a case's personal data that a whole-document save must not do.
 */
interface PersonalDataStore {

	/** The case; empty when there is none or it was erased. */
	Optional<Case> findById(String id);

	/**
	 * Stores corrected contact details and their event in one atomic update by
	 * {@code _id}, leaving the rest of the case as it is.
	 * @throws NotFoundException when the case is not stored
	 */
	void rectify(Case aCase, Case.Rectified rectified);

	/**
	 * Replaces the case by its tombstone: {@code _id}, {@code erasedAt} and the outbox,
	 * with the events still pending and {@code erased} last. Idempotent.
	 * @return when the case was erased (earlier, when it had been already), or empty when
	 * there is no such case
	 */
	Optional<Instant> erase(String caseId, RecordedEvent erased, Instant now);

	/**
	 * The cases closed on or before the day. Scans the collection: once a day.
	 */
	List<String> closedOnOrBefore(LocalDate day);

}
