package org.plazo.cases.cases;

/**
 * The case is linked to that organisation already: revoke the link first to record a
 * different consent.
 */
public class AlreadyAssignedException extends RuntimeException {

	AlreadyAssignedException() {
		super("The case is assigned to this organisation already; revoke that assignment first.");
	}

}
