package org.plazo.deadlines.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

	private static final NonBusinessDay CARNIVAL_MONDAY = new NonBusinessDay(LocalDate.of(2026, 2, 16), DayKind.CLOSURE,
			"Carnival Monday", "Decreto Ejecutivo 3 de 2026");

	@Test
	void listsEveryNonBusinessWeekdayOf2026WithKindAndSource() {
		List<NonBusinessDay> days = BusinessCalendar.statutory().nonBusinessWeekdays(2026);

		// Checked against python-dateutil's Easter and a calendar; 28 Nov 2026 is a
		// Saturday.
		assertThat(days).extracting(NonBusinessDay::date)
			.containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 9), LocalDate.of(2026, 2, 17),
					LocalDate.of(2026, 4, 3), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 3),
					LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 12, 8),
					LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 25));
		assertThat(days.get(2).reason()).isEqualTo("Carnival Tuesday");
		assertThat(days.get(2).source()).isEqualTo("Código de Trabajo, art. 46");
		assertThat(days.get(9).kind()).isEqualTo(DayKind.SUBSTITUTE);
		assertThat(days.get(9).reason()).isEqualTo("National day of mourning (moved from Sunday)");
	}

	@Test
	void listsTheSubstituteMondaysOf2027And2029() {
		assertThat(BusinessCalendar.statutory().nonBusinessWeekdays(2027)).extracting(NonBusinessDay::date)
			.contains(LocalDate.of(2027, 11, 29), LocalDate.of(2027, 12, 20))
			.doesNotContain(LocalDate.of(2027, 12, 27));
		assertThat(BusinessCalendar.statutory().nonBusinessWeekdays(2029)).extracting(NonBusinessDay::date)
			.contains(LocalDate.of(2029, 7, 2));
	}

	@Test
	void twentiethOfDecemberIsAHolidayOnlyFrom2022() {
		assertThat(BusinessCalendar.statutory().isBusinessDay(LocalDate.of(2021, 12, 20))).isTrue();
		assertThat(BusinessCalendar.statutory().isBusinessDay(LocalDate.of(2022, 12, 20))).isFalse();
	}

	@Test
	void inaugurationDayIsAHolidayEveryFiveYearsFrom2004() {
		BusinessCalendar calendar = BusinessCalendar.statutory();
		assertThat(calendar.isBusinessDay(LocalDate.of(2004, 7, 1))).isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.of(2009, 7, 1))).isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.of(2024, 7, 1))).isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.of(2025, 7, 1))).isTrue();
		assertThat(calendar.isBusinessDay(LocalDate.of(2034, 7, 3))).isTrue();
	}

	@Test
	void closureIsABusinessDayOnTheEarliestReadingOnly() {
		BusinessCalendar calendar = BusinessCalendar.withOperatorDays(List.of(CARNIVAL_MONDAY));

		assertThat(calendar.closuresCount()).isFalse();
		assertThat(calendar.isBusinessDay(CARNIVAL_MONDAY.date())).isTrue();
		assertThat(calendar.closuresCounting().isBusinessDay(CARNIVAL_MONDAY.date())).isFalse();
		assertThat(calendar.closuresCounting().nonBusinessReason(CARNIVAL_MONDAY.date())).contains(CARNIVAL_MONDAY);
		assertThat(calendar.closuresCounting().earliestReading().isBusinessDay(CARNIVAL_MONDAY.date())).isTrue();
		assertThat(calendar.describe(CARNIVAL_MONDAY.date())).contains(CARNIVAL_MONDAY);
	}

	@Test
	void closuresAreListedWithTheHolidaysOfTheirYear() {
		BusinessCalendar calendar = BusinessCalendar.withOperatorDays(List.of(CARNIVAL_MONDAY));

		assertThat(calendar.nonBusinessWeekdays(2026)).contains(CARNIVAL_MONDAY);
		assertThat(calendar.nonBusinessWeekdays(2025)).doesNotContain(CARNIVAL_MONDAY);
	}

	@Test
	void closureOnAHolidayDoesNotHideTheHoliday() {
		NonBusinessDay onCarnivalTuesday = new NonBusinessDay(LocalDate.of(2026, 2, 17), DayKind.CLOSURE, "Carnival",
				"Decreto Ejecutivo 3 de 2026");
		BusinessCalendar calendar = BusinessCalendar.withOperatorDays(List.of(onCarnivalTuesday));

		assertThat(calendar.nonBusinessReason(LocalDate.of(2026, 2, 17)))
			.hasValueSatisfying((day) -> assertThat(day.kind()).isEqualTo(DayKind.STATUTORY));
	}

	@Test
	void addingZeroBusinessDaysReturnsTheDayItself() {
		BusinessDayCount count = BusinessCalendar.statutory().addBusinessDays(LocalDate.of(2026, 2, 14), 0);

		assertThat(count.date()).isEqualTo(LocalDate.of(2026, 2, 14));
		assertThat(count.counted()).isEmpty();
		assertThat(count.skipped()).isEmpty();
	}

	@Test
	void countListsTheSkippedWeekdaysButNotTheWeekends() {
		BusinessDayCount count = BusinessCalendar.statutory().addBusinessDays(LocalDate.of(2026, 2, 13), 5);

		assertThat(count.date()).isEqualTo(LocalDate.of(2026, 2, 23));
		assertThat(count.counted()).containsExactly(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 18),
				LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 23));
		assertThat(count.skipped()).extracting(NonBusinessDay::reason).containsExactly("Carnival Tuesday");
	}

	@Test
	void refusesANegativeNumberOfDays() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BusinessCalendar.statutory().addBusinessDays(LocalDate.of(2026, 2, 13), -1));
	}

	@Test
	void refusesAStatutoryKindAsAnOperatorDay() {
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendar.withOperatorDays(
				List.of(new NonBusinessDay(LocalDate.of(2026, 3, 2), DayKind.STATUTORY, "Invented", "None"))));
	}

	@Test
	void weekendsAreNamed() {
		assertThat(BusinessCalendar.statutory().describe(LocalDate.of(2026, 8, 16)))
			.hasValueSatisfying((day) -> assertThat(day.reason()).isEqualTo("Sunday"));
	}

}
