package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.deadlines.calendar.BusinessCalendar;
import org.plazo.deadlines.calendar.DayKind;
import org.plazo.deadlines.calendar.NonBusinessDay;

/**
 * Given the facts of a case, when the engine computes, expect the filing window.
 */
class FilingWindowRuleTests {

	private static final Instant BEFORE = Instant.parse("2026-02-20T12:00:00Z");

	private final DeadlineEngine engine = DeadlineEngine.standalone(Clock.fixed(BEFORE, ZoneOffset.UTC));

	private final BusinessCalendar carnivalClosures = BusinessCalendar.withOperatorDays(List.of(
			new NonBusinessDay(LocalDate.of(2026, 2, 16), DayKind.CLOSURE, "Carnival Monday",
					"Decreto Ejecutivo 3 de 2026"),
			new NonBusinessDay(LocalDate.of(2026, 2, 18), DayKind.CLOSURE, "Ash Wednesday",
					"Decreto Ejecutivo 3 de 2026")));

	@Test
	void arrivalOnFridayBeforeCarnivalGivesSixMonthsFromMondayEndingOnSunday() {
		CaseFacts facts = CaseFacts.opened("case-1", LocalDate.of(2026, 2, 13));

		ComputedDeadline window = filingWindow(this.engine.compute(facts, this.carnivalClosures));

		assertThat(window.deadlineId()).isEqualTo("FILING_WINDOW");
		assertThat(window.kind()).isEqualTo("FILING_WINDOW");
		assertThat(window.ruleId()).isEqualTo("filing-window");
		assertThat(window.rulesVersion()).isEqualTo(Rules.VERSION);
		assertThat(window.legalBasis()).contains("Decreto Ejecutivo 5 de 2018, art. 30");
		assertThat(window.status()).isEqualTo("OPEN");
		assertThat(window.needsLegalConfirmation()).isFalse();
		assertThat(window.lastDay()).isEqualTo(LocalDate.of(2026, 8, 16));
		assertThat(window.dueAt()).isEqualTo(Instant.parse("2026-08-16T21:00:00Z"));
		assertThat(window.explanation()).contains("Entered Panama on Fri 13 Feb 2026.",
				"Counting starts on the next business day, Mon 16 Feb 2026 (Carnival Monday, closure by Decreto Ejecutivo 3 de 2026, counted: it is unsettled whether closures stop a term).",
				"Six months from Mon 16 Feb 2026: the last day is Sun 16 Aug 2026.",
				"If the decreed closures of Mon 16 Feb 2026 and Wed 18 Feb 2026 count, counting starts Thu 19 Feb 2026 and the last day is Wed 19 Aug 2026.",
				"Offices are closed on Sun 16 Aug 2026 (Sunday): to be safe, act by Fri 14 Aug 2026, 16:00.");
		assertThat(window.alert()).isFalse();
	}

	@Test
	void remindersAimAtTheLastOfficeDayAtEightInTheMorning() {
		CaseFacts facts = CaseFacts.opened("case-1", LocalDate.of(2026, 2, 13));

		ComputedDeadline window = filingWindow(this.engine.compute(facts, BusinessCalendar.statutory()));

		// Act by Fri 14 Aug 2026; 08:00 in Panama is 13:00 UTC.
		assertThat(window.reminders()).containsExactly(Instant.parse("2026-06-15T13:00:00Z"),
				Instant.parse("2026-07-15T13:00:00Z"), Instant.parse("2026-07-31T13:00:00Z"),
				Instant.parse("2026-08-07T13:00:00Z"), Instant.parse("2026-08-11T13:00:00Z"),
				Instant.parse("2026-08-13T13:00:00Z"));
	}

	@Test
	void holidaysBetweenArrivalAndTheFirstBusinessDayAreNamed() {
		// Arrival Thu 17 Apr 2025; Good Friday is 18 Apr 2025 (Easter 20 Apr).
		CaseFacts facts = CaseFacts.opened("case-1", LocalDate.of(2025, 4, 17));

		ComputedDeadline window = filingWindow(this.engine.compute(facts, BusinessCalendar.statutory()));

		assertThat(window.explanation()).contains("Fri 18 Apr 2025 skipped: Good Friday.",
				"Counting starts on the next business day, Mon 21 Apr 2025.");
		assertThat(window.lastDay()).isEqualTo(LocalDate.of(2025, 10, 21));
	}

	@Test
	void monthTermEndingOnAWeekendShowsTheRolledDateToo() {
		CaseFacts facts = CaseFacts.opened("case-1", LocalDate.of(2026, 2, 13));

		ComputedDeadline window = filingWindow(this.engine.compute(facts, BusinessCalendar.statutory()));

		assertThat(window.lastDay()).isEqualTo(LocalDate.of(2026, 8, 16));
		assertThat(window.explanation()).contains(
				"Sun 16 Aug 2026 is not a business day (Sunday); if a month term ending on a non-business day rolls forward, the last day is Mon 17 Aug 2026.");
	}

	@Test
	void filedApplicationMeetsTheWindowAndStopsReminders() {
		CaseFacts facts = CaseFacts.opened("case-1", LocalDate.of(2026, 2, 13))
			.withApplicationFiled(LocalDate.of(2026, 3, 2));

		ComputedDeadline window = filingWindow(this.engine.compute(facts, BusinessCalendar.statutory()));

		assertThat(window.status()).isEqualTo("MET");
		assertThat(window.reminders()).isEmpty();
		assertThat(window.explanation()).contains("Application filed on Mon 2 Mar 2026.");
		assertThat(window.alert()).isFalse();
	}

	@Test
	void passedWindowWithNoApplicationIsMissedWithAnAlertToSeekLegalHelp() {
		DeadlineEngine later = DeadlineEngine
			.standalone(Clock.fixed(Instant.parse("2026-08-16T21:00:00Z"), ZoneOffset.UTC));
		CaseFacts facts = CaseFacts.opened("case-1", LocalDate.of(2026, 2, 13));

		ComputedDeadline window = filingWindow(later.compute(facts, BusinessCalendar.statutory()));

		assertThat(window.status()).isEqualTo("MISSED");
		assertThat(window.alert()).isTrue();
		assertThat(window.explanation()).anyMatch((line) -> line.startsWith("ALERT: ")
				&& line.contains("seek legal help at once") && line.contains("stays open for legal review"));
		assertThat(window.reminders()).isEmpty();
		assertThat(window.explanation())
			.contains("On the most generous reading above the last day is Mon 17 Aug 2026, until 16:00: file at once.");
	}

	@Test
	void oneMinuteBeforeSixteenHoursOnTheLastDayIsStillOpen() {
		DeadlineEngine later = DeadlineEngine
			.standalone(Clock.fixed(Instant.parse("2026-08-16T20:59:00Z"), ZoneOffset.UTC));
		CaseFacts facts = CaseFacts.opened("case-1", LocalDate.of(2026, 2, 13));

		assertThat(filingWindow(later.compute(facts, BusinessCalendar.statutory())).status()).isEqualTo("OPEN");
	}

	@Test
	void applicationFiledLateIsMetButFlaggedForLegalReview() {
		CaseFacts facts = CaseFacts.opened("case-1", LocalDate.of(2026, 2, 13))
			.withApplicationFiled(LocalDate.of(2026, 9, 1));

		ComputedDeadline window = filingWindow(this.engine.compute(facts, BusinessCalendar.statutory()));

		assertThat(window.status()).isEqualTo("MET");
		assertThat(window.alert()).isTrue();
	}

	@Test
	void closedCaseCancelsAnOpenWindow() {
		CaseFacts facts = CaseFacts.opened("case-1", LocalDate.of(2026, 2, 13))
			.withClosed(LocalDate.of(2026, 3, 1), "withdrawn");

		ComputedDeadline window = filingWindow(this.engine.compute(facts, BusinessCalendar.statutory()));

		assertThat(window.status()).isEqualTo("CANCELLED");
		assertThat(window.reminders()).isEmpty();
	}

	@Test
	void unknownArrivalDateGivesNoWindow() {
		CaseFacts facts = CaseFacts.opened("case-1", null);

		assertThat(this.engine.compute(facts, BusinessCalendar.statutory())).isEmpty();
	}

	@Test
	void arrivalOnThirtiethOfAugustClampsToTheEndOfFebruary() {
		// Thu 29 Aug 2024: counting starts Fri 30 Aug; February 2025 has no 30th.
		CaseFacts facts = CaseFacts.opened("case-1", LocalDate.of(2024, 8, 29));

		ComputedDeadline window = filingWindow(this.engine.compute(facts, BusinessCalendar.statutory()));

		assertThat(window.lastDay()).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(window.explanation()).contains(
				"Six months from Fri 30 Aug 2024: the last day is Fri 28 Feb 2025 (that month is shorter: its last day).");
	}

	private static ComputedDeadline filingWindow(List<ComputedDeadline> deadlines) {
		return deadlines.stream().filter((d) -> d.kind().equals("FILING_WINDOW")).findFirst().orElseThrow();
	}

}
