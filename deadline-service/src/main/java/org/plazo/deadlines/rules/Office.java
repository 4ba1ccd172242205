package org.plazo.deadlines.rules;

import java.time.LocalTime;

/**
 * The Refugee Assistance Office (ONPAR), where every filing is made.
 */
final class Office {

	static final String ADDRESS = "ONPAR, Ministry of Government: Rómulo Escobar Bethancourt street, building 766, Balboa, Panama City";

	static final String HOURS = "Monday to Friday, 7:00 to 16:00";

	static final LocalTime OPENS = LocalTime.of(7, 0);

	/**
	 * A filing is on time until the office closes on its last day, not until midnight.
	 */
	static final LocalTime CLOSES = LocalTime.of(16, 0);

	private Office() {
	}

}
