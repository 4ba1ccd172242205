package org.plazo.events.cases;

/**
 * A category of a person's data they may agree to share with an organisation that assists
 * them.
 */
public enum SharedData {

	/** How to reach the person: phone number and email address. */
	CONTACT_DETAILS,

	/** What happens in the procedure: case, deadline and notification events. */
	PROCEDURAL_EVENTS

}
