package org.plazo.deadlines.rules;

/**
 * Every kind of deadline the rules know; {@link ComputedDeadline#kind()} holds its name.
 */
public enum DeadlineKind {

	FILING_WINDOW, REGISTRATION_INTERVIEW, EXTENSION_INTERVIEW, ASYLUM_CERTIFICATE, PROVISIONAL_CARD, REFUGEE_CARD,
	WORK_PERMIT, REFUGEE_TRAVEL_DOCUMENT, PERMANENT_RESIDENCE, RECONSIDERATION, APPEAL, SUPREME_COURT,
	ADMINISTRATIVE_SILENCE;

	/** Whether an ONPAR bulk extension by resolution can change its expiry. */
	public boolean bulkExtensible() {
		return this == PROVISIONAL_CARD || this == ASYLUM_CERTIFICATE;
	}

}
