package org.plazo.deadlines.rules;

/**
 * What a deadline asks of the person, which decides its status over time.
 */
enum Nature {

	/** A filing at ONPAR by 16:00 on the last day; missed when that passes. */
	FILING,
	/** A document to renew before it expires; missed (expired) when that passes. */
	RENEWAL,
	/** An appointment set by ONPAR; information once it has passed. */
	APPOINTMENT,
	/** Information only, e.g. eligibility for permanent residence. */
	INFORMATION,
	/** A term the administration has to decide in; an alert once it has passed. */
	SILENCE;

	/** Whether the person has to act at an office, so the last office day matters. */
	boolean actsAtOffice() {
		return this == FILING || this == RENEWAL;
	}

}
