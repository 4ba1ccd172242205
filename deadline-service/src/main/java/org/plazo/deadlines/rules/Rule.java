package org.plazo.deadlines.rules;

/**
 * One legal rule, as data: what the law says, how the term is counted, and how the person
 * is reminded. {@link Rules} holds the table.
 *
 * @param id stable rule id
 * @param kind the deadline kind it produces
 * @param citation the law in a few words, for messages: {@code Ley 38 de 2000, art. 67}
 * @param legalBasis the law, in words
 * @param counting how the term is counted
 * @param nature what it asks of the person
 * @param reminders the reminder policy
 * @param missed what to tell the person once it has passed with nothing done, or
 * {@code null}
 * @param unconfirmed what a lawyer has yet to confirm, or {@code null} when settled
 * @param trigger where in the case facts it starts
 */
record Rule(String id, DeadlineKind kind, String citation, String legalBasis, Counting counting, Nature nature,
		Schedule reminders, String missed, String unconfirmed, Trigger trigger) {

	boolean needsLegalConfirmation() {
		return this.unconfirmed != null;
	}

}
