package org.plazo.deadlines.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of business-day counting that must hold for any day, any count and any set
 * of decreed closures, on both readings of the closures.
 */
class BusinessCalendarPropertyTests {

	@Property
	void addingBusinessDaysNeverLandsOnANonBusinessDay(@ForAll("scenarios") Scenario scenario,
			@ForAll @IntRange(min = 1, max = 400) int add) {
		BusinessCalendar calendar = scenario.calendar();
		LocalDate from = scenario.from();
		assertThat(calendar.isBusinessDay(calendar.addBusinessDays(from, add).date())).isTrue();
	}

	@Property
	void isStrictlyIncreasingInAdd(@ForAll("scenarios") Scenario scenario,
			@ForAll @IntRange(min = 0, max = 399) int add, @ForAll @IntRange(min = 1, max = 30) int more) {
		BusinessCalendar calendar = scenario.calendar();
		LocalDate from = scenario.from();
		assertThat(calendar.addBusinessDays(from, add + more).date())
			.isAfter(calendar.addBusinessDays(from, add).date());
	}

	@Property
	void isMonotoneInFrom(@ForAll("scenarios") Scenario scenario, @ForAll @IntRange(min = 0, max = 60) int later,
			@ForAll @IntRange(min = 0, max = 400) int add) {
		BusinessCalendar calendar = scenario.calendar();
		LocalDate from = scenario.from();
		assertThat(calendar.addBusinessDays(from.plusDays(later), add).date())
			.isAfterOrEqualTo(calendar.addBusinessDays(from, add).date());
	}

	@Property
	void agreesWithANaiveDayByDayCount(@ForAll("scenarios") Scenario scenario,
			@ForAll @IntRange(min = 1, max = 400) int add) {
		BusinessCalendar calendar = scenario.calendar();
		LocalDate from = scenario.from();
		LocalDate date = calendar.addBusinessDays(from, add).date();

		long businessDays = from.plusDays(1).datesUntil(date.plusDays(1)).filter(calendar::isBusinessDay).count();
		assertThat(businessDays).isEqualTo(add);
	}

	@Property
	void countingClosuresNeverGivesAnEarlierDay(@ForAll("scenarios") Scenario scenario,
			@ForAll @IntRange(min = 0, max = 400) int add) {
		BusinessCalendar calendar = scenario.calendar();
		LocalDate from = scenario.from();
		assertThat(calendar.closuresCounting().addBusinessDays(from, add).date())
			.isAfterOrEqualTo(calendar.earliestReading().addBusinessDays(from, add).date());
	}

	@Property
	void weekendsAndHolidaysAreNeverBusinessDays(@ForAll("days") LocalDate day) {
		BusinessCalendar calendar = BusinessCalendar.statutory();
		boolean weekend = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(day.getDayOfWeek());
		boolean holiday = calendar.nonBusinessWeekdays(day.getYear()).stream().anyMatch((d) -> d.date().equals(day));
		assertThat(calendar.isBusinessDay(day)).isEqualTo(!weekend && !holiday);
	}

	@Provide
	Arbitrary<LocalDate> days() {
		return Arbitraries.integers()
			.between(0, (int) (LocalDate.of(2099, 1, 1).toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay()))
			.map((offset) -> LocalDate.of(2000, 1, 1).plusDays(offset));
	}

	/**
	 * A day to count from, and a calendar with closures near it (so that they matter).
	 */
	@Provide
	Arbitrary<Scenario> scenarios() {
		return days().flatMap((from) -> {
			Arbitrary<NonBusinessDay> closure = Combinators
				.combine(Arbitraries.integers().between(-5, 600), Arbitraries.of(DayKind.CLOSURE, DayKind.OBSERVANCE))
				.as((offset, kind) -> new NonBusinessDay(from.plusDays(offset), kind, "Decreed closure",
						"Decreto de prueba"));
			return Combinators.combine(closure.list().ofMaxSize(40), Arbitraries.of(true, false))
				.as((closures, counting) -> new Scenario(from,
						counting ? BusinessCalendar.withOperatorDays(closures).closuresCounting()
								: BusinessCalendar.withOperatorDays(closures)));
		});
	}

	record Scenario(LocalDate from, BusinessCalendar calendar) {

	}

}
