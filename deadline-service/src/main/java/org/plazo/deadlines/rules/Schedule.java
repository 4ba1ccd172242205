package org.plazo.deadlines.rules;

/**
 * Which reminder policy of {@link ReminderProperties} a rule follows.
 */
enum Schedule {

	FILING_WINDOW, FIVE_DAY_TERM, COURT_TERM, DOCUMENT, INTERVIEW, NONE

}
