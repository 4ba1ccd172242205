package org.plazo.cases.cases;

import org.plazo.cases.outbox.RecordedEvent;

/**
 * Stores a new event of an existing case.
 */
interface CaseEventAppends {

	/**
	 * Appends the event to the case's facts and outbox, and stores the state it changed,
	 * in one atomic update by {@code _id}. Unlike a versioned replace of the whole
	 * document, two facts recorded at once cannot overwrite each other, and the update
	 * uses the {@code _id} index on the embedded stand-in too.
	 * @throws NotFoundException when the case is not stored
	 */
	void append(Case aCase, RecordedEvent event);

	/**
	 * Adds a link and its event in one atomic update by {@code _id}, on condition that no
	 * link to the same organisation holds, so two requests at once cannot both succeed.
	 * @throws NotFoundException when the case is not stored
	 * @throws AlreadyAssignedException when a link to that organisation holds already
	 */
	void assign(Case aCase, Case.Assigned assigned);

	/**
	 * Ends a link and adds its event in one atomic update by {@code _id}, on condition
	 * that the link still holds.
	 * @return whether this call ended it (false: another one did first)
	 */
	boolean revoke(Case aCase, Case.Assigned revoked);

	/**
	 * Sets the case's caseworker and adds its event in one atomic update by {@code _id}.
	 * @throws NotFoundException when the case is not stored
	 */
	void assignCaseworker(Case aCase, RecordedEvent event);

}
