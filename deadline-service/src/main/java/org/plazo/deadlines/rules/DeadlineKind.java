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

	/**
	 * Whether it is a five-business-day term (reconsideration, appeal): too short to lose
	 * a reminder, so operators watch it first.
	 * @return {@code true} for a five-business-day term
	 */
	public boolean fiveBusinessDayTerm() {
		return this == RECONSIDERATION || this == APPEAL;
	}

}
