package org.plazo.notify.privacy;

import java.util.Optional;

/**
 * What one feature holds about a case, declared as a bean by each feature that holds any:
 * the export reads every section, the erasure erases every one, so a feature cannot take
 * part in one and be forgotten by the other.
 */
public interface CaseData {

	/**
	 * @return the name of this part of the export, e.g. {@code recipient}
	 */
	String section();

	/**
	 * Everything this feature holds about the case, decrypted, as JSON-ready values.
	 * @param caseId the case
	 * @return empty when it holds nothing
	 */
	Optional<Object> export(String caseId);

	/**
	 * Deletes what this feature holds about the case. Idempotent: erasing twice, or a
	 * case never seen, changes nothing.
	 * @param caseId the case
	 */
	void erase(String caseId);

}
