package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plazo.deadlines.rules.RecourseRulesTests.only;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.deadlines.calendar.BusinessCalendar;
import org.plazo.deadlines.rules.CaseFacts.InterviewKind;

/**
 * Interviews set by ONPAR: given the facts, expect reminders before and on the morning.
 */
class InterviewRulesTests {

	private static final CaseFacts FILED = CaseFacts.opened("case-1", LocalDate.of(2026, 2, 2))
		.withApplicationFiled(LocalDate.of(2026, 2, 23));

	private final DeadlineEngine engine = DeadlineEngine
		.standalone(Clock.fixed(Instant.parse("2026-02-23T15:00:00Z"), ZoneOffset.UTC));

	@Test
	void registrationInterviewIsRemindedDaysBeforeAndAtSevenThatMorningWithTheOfficeAddress() {
		CaseFacts facts = FILED.withInterview("i-1", InterviewKind.REGISTRATION, LocalDate.of(2026, 3, 10),
				LocalTime.of(9, 0));

		ComputedDeadline interview = only("REGISTRATION_INTERVIEW", compute(facts));

		assertThat(interview.deadlineId()).isEqualTo("REGISTRATION_INTERVIEW:i-1");
		assertThat(interview.dueAt()).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
		assertThat(interview.status()).isEqualTo("OPEN");
		assertThat(interview.explanation()).anyMatch((line) -> line.contains("Rómulo Escobar Bethancourt")
				&& line.contains("Monday to Friday, 7:00 to 16:00"));
		assertThat(interview.reminders()).containsExactly(Instant.parse("2026-03-07T13:00:00Z"),
				Instant.parse("2026-03-09T13:00:00Z"), Instant.parse("2026-03-10T12:00:00Z"));
	}

	@Test
	void interviewAtOpeningTimeIsRemindedAnHourBefore() {
		CaseFacts facts = FILED.withInterview("i-1", InterviewKind.EXTENSION, LocalDate.of(2026, 3, 10),
				LocalTime.of(7, 0));

		ComputedDeadline interview = only("EXTENSION_INTERVIEW", compute(facts));

		assertThat(interview.reminders()).last().isEqualTo(Instant.parse("2026-03-10T11:00:00Z"));
	}

	@Test
	void rescheduledInterviewKeepsItsIdAndMovesItsDate() {
		CaseFacts facts = FILED
			.withInterview("i-1", InterviewKind.REGISTRATION, LocalDate.of(2026, 3, 10), LocalTime.of(9, 0))
			.withInterview("i-1", InterviewKind.REGISTRATION, LocalDate.of(2026, 3, 12), LocalTime.of(10, 0));

		ComputedDeadline interview = only("REGISTRATION_INTERVIEW", compute(facts));

		assertThat(interview.lastDay()).isEqualTo(LocalDate.of(2026, 3, 12));
	}

	@Test
	void passedInterviewIsInformationWithoutReminders() {
		CaseFacts facts = FILED.withInterview("i-1", InterviewKind.REGISTRATION, LocalDate.of(2026, 2, 20),
				LocalTime.of(9, 0));

		ComputedDeadline interview = only("REGISTRATION_INTERVIEW", compute(facts));

		assertThat(interview.status()).isEqualTo("INFO");
		assertThat(interview.reminders()).isEmpty();
	}

	@Test
	void interviewSetOnAHolidayAsksToConfirmTheDate() {
		CaseFacts facts = FILED.withInterview("i-1", InterviewKind.REGISTRATION, LocalDate.of(2026, 11, 3), null);

		ComputedDeadline interview = only("REGISTRATION_INTERVIEW", compute(facts));

		assertThat(interview.explanation()).contains("No time was given: be there at 07:00, when the office opens.",
				"Offices are normally closed that day (Separation from Colombia): confirm the date with ONPAR.");
	}

	private List<ComputedDeadline> compute(CaseFacts facts) {
		return this.engine.compute(facts, BusinessCalendar.statutory());
	}

}
