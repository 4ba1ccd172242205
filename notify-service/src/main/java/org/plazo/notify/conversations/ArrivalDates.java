package org.plazo.notify.conversations;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the day someone says they entered Panama, leniently but never by guessing: day
 * first ({@code 15/03/2026}, {@code 15-3-26}, {@code 15.3}), or a day and a month name in
 * Spanish, English, French, Portuguese or Haitian Creole ({@code 15 de marzo},
 * {@code 15 marzo 2026}, {@code March 15}). Two-digit years are this century's; a date
 * without a year is the last such day that is not in the future (and is confirmed back).
 * Anything else with digits in it, two dates, or a day that does not exist is unclear.
 */
final class ArrivalDates {

	/** What was read. */
	sealed interface Reading permits Found, Unclear, Nothing {

	}

	/** A date. */
	record Found(LocalDate date) implements Reading {

	}

	/** Something like a date that cannot be read without guessing. */
	record Unclear() implements Reading {

	}

	/** No date at all. */
	record Nothing() implements Reading {

	}

	private static final Map<String, Integer> MONTHS = new HashMap<>();

	private static final Pattern NUMERIC = Pattern
		.compile("(?<![0-9])([0-9]{1,2})[/.\\-]([0-9]{1,2})(?:[/.\\-]([0-9]{2}|[0-9]{4}))?(?![0-9])");

	private static final Pattern DAY_MONTH = Pattern.compile(
			"(?<![0-9])([0-9]{1,2})(?:ER|RO|ST|ND|RD|TH)?\\s+(?:DE\\s+)?([A-Z]+)(?:\\s+(?:DE\\s+|DEL\\s+)?([0-9]{4}|[0-9]{2}))?(?![0-9])");

	private static final Pattern MONTH_DAY = Pattern
		.compile("\\b([A-Z]+)\\s+([0-9]{1,2})(?:ST|ND|RD|TH)?(?:,?\\s+([0-9]{4}))?(?![0-9])");

	static {
		months(1, "ENERO", "ENE", "JANUARY", "JAN", "JANVIER", "JANV", "JANEIRO", "JANVYE");
		months(2, "FEBRERO", "FEB", "FEBRUARY", "FEVRIER", "FEVR", "FEVEREIRO", "FEV", "FEVRIYE");
		months(3, "MARZO", "MAR", "MARCH", "MARS", "MARCO", "MAS");
		months(4, "ABRIL", "ABR", "APRIL", "APR", "AVRIL", "AVR");
		months(5, "MAYO", "MAY", "MAI", "MAIO", "ME");
		months(6, "JUNIO", "JUN", "JUNE", "JUIN", "JUNHO", "JEN");
		months(7, "JULIO", "JUL", "JULY", "JUILLET", "JUIL", "JULHO", "JIYE");
		months(8, "AGOSTO", "AGO", "AUGUST", "AUG", "AOUT", "OUT");
		months(9, "SEPTIEMBRE", "SETIEMBRE", "SEP", "SEPT", "SET", "SEPTEMBER", "SEPTEMBRE", "SETEMBRO", "SEPTANM");
		months(10, "OCTUBRE", "OCT", "OCTOBER", "OCTOBRE", "OUTUBRO", "OKTOB");
		months(11, "NOVIEMBRE", "NOV", "NOVEMBER", "NOVEMBRE", "NOVEMBRO", "NOVANM");
		months(12, "DICIEMBRE", "DIC", "DECEMBER", "DEC", "DECEMBRE", "DEZEMBRO", "DEZ", "DESANM");
	}

	private ArrivalDates() {
	}

	/**
	 * @param text what the person wrote (a keyword before the date is fine)
	 * @param today today in Panama, for dates without a year
	 * @return the date, or why there is none
	 */
	static Reading read(String text, LocalDate today) {
		String normalized = Text.normalize(text);
		List<int[]> dates = new ArrayList<>();
		boolean unclear = false;
		String rest = normalized;
		Matcher numeric = NUMERIC.matcher(normalized);
		while (numeric.find()) {
			dates.add(new int[] { Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)),
					year(numeric.group(3)) });
			rest = rest.replace(numeric.group(), " ");
		}
		Matcher dayMonth = DAY_MONTH.matcher(rest);
		while (dayMonth.find()) {
			Integer month = MONTHS.get(dayMonth.group(2));
			if (month != null) {
				dates.add(new int[] { Integer.parseInt(dayMonth.group(1)), month, year(dayMonth.group(3)) });
				rest = rest.replace(dayMonth.group(), " ");
			}
		}
		Matcher monthDay = MONTH_DAY.matcher(rest);
		while (monthDay.find()) {
			Integer month = MONTHS.get(monthDay.group(1));
			if (month != null) {
				dates.add(new int[] { Integer.parseInt(monthDay.group(2)), month, year(monthDay.group(3)) });
				rest = rest.replace(monthDay.group(), " ");
			}
		}
		if (rest.matches(".*[0-9].*")) {
			unclear = true;
		}
		if (dates.isEmpty()) {
			return unclear ? new Unclear() : new Nothing();
		}
		if (dates.size() > 1 || unclear) {
			return new Unclear();
		}
		int[] date = dates.get(0);
		try {
			if (date[2] != 0) {
				return new Found(LocalDate.of(date[2], date[1], date[0]));
			}
			LocalDate thisYear = LocalDate.of(today.getYear(), date[1], date[0]);
			return new Found(thisYear.isAfter(today) ? LocalDate.of(today.getYear() - 1, date[1], date[0]) : thisYear);
		}
		catch (DateTimeException ex) {
			// 31/02, 15/13, or 29/02 of a year without it.
			return new Unclear();
		}
	}

	private static int year(String digits) {
		if (digits == null) {
			return 0;
		}
		int year = Integer.parseInt(digits);
		return (digits.length() == 2) ? 2000 + year : year;
	}

	private static void months(int month, String... names) {
		for (String name : names) {
			MONTHS.put(name, month);
		}
	}

}
