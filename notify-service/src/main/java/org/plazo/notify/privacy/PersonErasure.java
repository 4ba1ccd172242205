package org.plazo.notify.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.plazo.events.cases.PersonErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Erases a person (Law 81 cancellation) and exports what is held about them. Erasure
 * first marks the case erased (nothing is learnt or sent for it from then on), then
 * destroys the person's key (every ciphertext of theirs, backups included, becomes
 * unreadable), then deletes what each feature holds. Each step is idempotent, so a
 * failure part way is retried, or replayed from the dead-letter topic, safely.
 */
@Service
public class PersonErasure {

	private static final Logger log = LoggerFactory.getLogger(PersonErasure.class);

	private final ErasedCases erased;

	private final PersonKeys keys;

	private final List<CaseData> holders;

	PersonErasure(ErasedCases erased, PersonKeys keys, List<CaseData> holders) {
		this.erased = erased;
		this.keys = keys;
		this.holders = holders;
	}

	public void erase(PersonErased event) {
		this.erased.add(event.caseId(), event.erasedAt());
		this.keys.shred(event.caseId());
		for (CaseData holder : this.holders) {
			holder.erase(event.caseId());
		}
		log.info("Case {} erased: person key destroyed, {} parts deleted", event.caseId(), this.holders.size());
	}

	/**
	 * Everything held about a case, decrypted, section by section.
	 * @param caseId the case
	 * @return empty when nothing is held, or the person was erased (what is left of their
	 * notifications, for counts, is not about them any more)
	 */
	public Optional<Map<String, Object>> export(String caseId) {
		if (this.erased.contains(caseId)) {
			return Optional.empty();
		}
		Map<String, Object> sections = new LinkedHashMap<>();
		for (CaseData holder : this.holders) {
			holder.export(caseId).ifPresent((section) -> sections.put(holder.section(), section));
		}
		return sections.isEmpty() ? Optional.empty() : Optional.of(sections);
	}

}
