package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Small phrases for the explanations.
 */
final class Words {

	private static final String[] NUMBERS = { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
			"nine", "ten", "eleven", "twelve" };

	private Words() {
	}

	static String number(int n) {
		return (n >= 0 && n < NUMBERS.length) ? NUMBERS[n] : Integer.toString(n);
	}

	/** "six months", "one year". */
	static String term(Period term) {
		if (term.getMonths() == 0 && term.getDays() == 0 && term.getYears() > 0) {
			return plural(term.getYears(), "year");
		}
		if (term.getDays() == 0) {
			return plural((int) term.toTotalMonths(), "month");
		}
		return term.toString();
	}

	static String plural(int n, String unit) {
		return number(n) + " " + unit + ((n == 1) ? "" : "s");
	}

	/** "Mon 16 Feb 2026", "Mon 16 Feb 2026 and Wed 18 Feb 2026". */
	static String days(List<LocalDate> dates) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < dates.size(); i++) {
			if (i > 0) {
				text.append((i == dates.size() - 1) ? " and " : ", ");
			}
			text.append(Dates.day(dates.get(i)));
		}
		return text.toString();
	}

	static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
