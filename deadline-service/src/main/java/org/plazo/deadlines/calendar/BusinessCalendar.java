package org.plazo.deadlines.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Panama's business days: no weekends, no statutory holidays (with the Sunday-to-Monday
 * rule), and, on one of two readings, no operator-entered closures or observances.
 *
 * <p>
 * Whether a day closed by decree stops a legal term is unsettled, so every calendar has a
 * reading: the <em>earliest</em> one (the default) treats closures and observances as
 * business days, which gives the earliest defensible last day;
 * {@link #closuresCounting()} gives the other reading, for the explanation. Immutable and
 * free of I/O, so the engine can share one instance across threads.
 */
public final class BusinessCalendar {

	private static final BusinessCalendar STATUTORY = new BusinessCalendar(Map.of(), false);

	private final Map<LocalDate, NonBusinessDay> operatorDays;

	private final boolean closuresCount;

	private BusinessCalendar(Map<LocalDate, NonBusinessDay> operatorDays, boolean closuresCount) {
		this.operatorDays = operatorDays;
		this.closuresCount = closuresCount;
	}

	/** Weekends and statutory holidays only. */
	public static BusinessCalendar statutory() {
		return STATUTORY;
	}

	/**
	 * The statutory calendar plus operator-managed days (kind {@link DayKind#CLOSURE} or
	 * {@link DayKind#OBSERVANCE}), on the earliest reading. When two fall on one date the
	 * first wins.
	 */
	public static BusinessCalendar withOperatorDays(Collection<NonBusinessDay> days) {
		Map<LocalDate, NonBusinessDay> byDate = new HashMap<>();
		for (NonBusinessDay day : days) {
			if (!day.kind().operatorManaged()) {
				throw new IllegalArgumentException("Not an operator-managed kind: " + day.kind());
			}
			byDate.putIfAbsent(day.date(), day);
		}
		return new BusinessCalendar(Map.copyOf(byDate), false);
	}

	/** The same days, read so that closures and observances are not business days. */
	public BusinessCalendar closuresCounting() {
		return this.closuresCount ? this : new BusinessCalendar(this.operatorDays, true);
	}

	/** The same days, read so that closures and observances are business days. */
	public BusinessCalendar earliestReading() {
		return this.closuresCount ? new BusinessCalendar(this.operatorDays, false) : this;
	}

	/** Whether closures and observances count as non-business days on this reading. */
	public boolean closuresCount() {
		return this.closuresCount;
	}

	public boolean isBusinessDay(LocalDate date) {
		// The hot path of every count: no allocation.
		if (isWeekend(date) || StatutoryHolidays.isHoliday(date)) {
			return false;
		}
		return !this.closuresCount || !this.operatorDays.containsKey(date);
	}

	/** Why {@code date} is not a business day on this reading, if it is not. */
	public Optional<NonBusinessDay> nonBusinessReason(LocalDate date) {
		Optional<NonBusinessDay> reason = describe(date);
		return reason.filter((day) -> this.closuresCount || !day.kind().operatorManaged());
	}

	/**
	 * Everything the calendar knows about {@code date} whatever the reading: weekend,
	 * holiday, or an operator's closure or observance.
	 */
	public Optional<NonBusinessDay> describe(LocalDate date) {
		DayOfWeek dayOfWeek = date.getDayOfWeek();
		if (dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY) {
			return Optional.of(new NonBusinessDay(date, DayKind.WEEKEND,
					dayOfWeek.getDisplayName(TextStyle.FULL, Locale.ENGLISH), null));
		}
		NonBusinessDay holiday = StatutoryHolidays.of(date.getYear()).get(date);
		return (holiday != null) ? Optional.of(holiday) : Optional.ofNullable(this.operatorDays.get(date));
	}

	/** The closure or observance an operator entered for {@code date}, if any. */
	public Optional<NonBusinessDay> operatorDay(LocalDate date) {
		return Optional.ofNullable(this.operatorDays.get(date));
	}

	/** The first business day strictly after {@code date}. */
	public LocalDate nextBusinessDayAfter(LocalDate date) {
		return businessDayOnOrAfter(date.plusDays(1));
	}

	public LocalDate businessDayOnOrAfter(LocalDate date) {
		LocalDate day = date;
		while (!isBusinessDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	public LocalDate businessDayOnOrBefore(LocalDate date) {
		LocalDate day = date;
		while (!isBusinessDay(day)) {
			day = day.minusDays(1);
		}
		return day;
	}

	/**
	 * Counts {@code days} business days after {@code from}: day 1 is the first business
	 * day after {@code from}, as in Ley 38 de 2000, art. 67. Adding zero returns
	 * {@code from} itself.
	 */
	public BusinessDayCount addBusinessDays(LocalDate from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("Cannot add a negative number of business days: " + days);
		}
		List<LocalDate> counted = new ArrayList<>(days);
		List<NonBusinessDay> skipped = new ArrayList<>();
		LocalDate day = from;
		while (counted.size() < days) {
			day = day.plusDays(1);
			if (isBusinessDay(day)) {
				counted.add(day);
			}
			else if (!isWeekend(day)) {
				skipped.add(nonBusinessReason(day).orElseThrow());
			}
		}
		return new BusinessDayCount(from, days, day, List.copyOf(counted), List.copyOf(skipped));
	}

	/**
	 * Every weekday of {@code year} that is not, or may not be, a business day: statutory
	 * holidays, Sunday substitutes, closures and observances, in date order.
	 */
	public List<NonBusinessDay> nonBusinessWeekdays(int year) {
		Map<LocalDate, NonBusinessDay> days = new TreeMap<>(StatutoryHolidays.of(year));
		this.operatorDays.forEach((date, day) -> {
			if (date.getYear() == year) {
				days.putIfAbsent(date, day);
			}
		});
		days.values().removeIf((day) -> isWeekend(day.date()));
		return Collections.unmodifiableList(new ArrayList<>(days.values()));
	}

	/** Closures and observances between {@code from} and {@code to}, inclusive. */
	public List<NonBusinessDay> operatorDaysBetween(LocalDate from, LocalDate to) {
		return this.operatorDays.values()
			.stream()
			.filter((day) -> !day.date().isBefore(from) && !day.date().isAfter(to))
			.sorted((a, b) -> a.date().compareTo(b.date()))
			.toList();
	}

	private static boolean isWeekend(LocalDate date) {
		DayOfWeek dayOfWeek = date.getDayOfWeek();
		return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
	}

	@Override
	public String toString() {
		return "BusinessCalendar[" + this.operatorDays.size() + " operator days, closures "
				+ (this.closuresCount ? "count" : "do not count") + "]";
	}

}
