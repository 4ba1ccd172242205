package org.plazo.cases.privacy;

import java.time.Instant;
import java.util.Optional;

import org.plazo.cases.cases.PersonalData;
import org.plazo.cases.privacy.CaseAudit.Action;

import org.springframework.stereotype.Service;

/**
 * Erases a person (Law 81 cancellation): the case becomes a tombstone and
 * {@code PersonErased} goes out through the outbox, then the person key is destroyed, so
 * every copy of the ciphertexts, backups included, stays unreadable. In that order: a
 * crash in between leaves a tombstone and a key, and erasing again destroys the key.
 */
@Service
class Erasure {

	private final PersonalData cases;

	private final PersonKeys keys;

	private final CaseAudit audit;

	Erasure(PersonalData cases, PersonKeys keys, CaseAudit audit) {
		this.cases = cases;
		this.keys = keys;
		this.audit = audit;
	}

	/**
	 * Idempotent: erasing an erased case destroys its key again, if any, and changes
	 * nothing else.
	 * @return when the case was erased; empty when there never was such a case
	 */
	Optional<Instant> erase(String caseId, String actor, Action action) {
		Optional<Instant> erasedAt = this.cases.erase(caseId);
		if (erasedAt.isPresent()) {
			this.keys.delete(caseId);
			this.audit.record(actor, action, caseId);
		}
		return erasedAt;
	}

}
