package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.deadlines.calendar.BusinessCalendar;
import org.plazo.deadlines.calendar.DayKind;
import org.plazo.deadlines.calendar.NonBusinessDay;
import org.plazo.deadlines.rules.CaseFacts.DecisionOutcome;
import org.plazo.deadlines.rules.CaseFacts.ResolutionOutcome;

/**
 * Reconsideration, appeal, Supreme Court and administrative silence: given the facts,
 * when the engine computes, expect these deadlines.
 */
class RecourseRulesTests {

	private static final NonBusinessDay CARNIVAL_MONDAY = new NonBusinessDay(LocalDate.of(2026, 2, 16), DayKind.CLOSURE,
			"Carnival Monday", "Decreto Ejecutivo 3 de 2026");

	private static final NonBusinessDay ASH_WEDNESDAY = new NonBusinessDay(LocalDate.of(2026, 2, 18), DayKind.CLOSURE,
			"Ash Wednesday", "Decreto Ejecutivo 3 de 2026");

	private static final BusinessCalendar CARNIVAL_2026 = BusinessCalendar
		.withOperatorDays(List.of(CARNIVAL_MONDAY, ASH_WEDNESDAY));

	private static final CaseFacts APPLICANT = CaseFacts.opened("case-1", LocalDate.of(2025, 9, 1))
		.withApplicationFiled(LocalDate.of(2025, 9, 3));

	private final DeadlineEngine engine = engineAt("2026-02-13T15:00:00Z");

	@Test
	void rejectionNotifiedFridayBeforeCarnivalGivesMondayTwentyThirdAtFourWithTheClosuresAlternative() {
		CaseFacts facts = APPLICANT.withResolution("R-1", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 13));

		ComputedDeadline reconsideration = only("RECONSIDERATION", this.engine.compute(facts, CARNIVAL_2026));

		assertThat(reconsideration.deadlineId()).isEqualTo("RECONSIDERATION:R-1");
		assertThat(reconsideration.status()).isEqualTo("OPEN");
		assertThat(reconsideration.lastDay()).isEqualTo(LocalDate.of(2026, 2, 23));
		assertThat(reconsideration.dueAt()).isEqualTo(Instant.parse("2026-02-23T21:00:00Z"));
		assertThat(reconsideration.legalBasis()).contains("Ley 38 de 2000, art. 67");
		assertThat(reconsideration.explanation()).containsSubsequence(
				"Resolution R-1 rejecting the application notified on Fri 13 Feb 2026.",
				"Day 1 Mon 16 Feb 2026 (Carnival Monday, closure by Decreto Ejecutivo 3 de 2026, counted: it is unsettled whether closures stop a term).",
				"Tue 17 Feb 2026 skipped: Carnival Tuesday.",
				"Day 2 Wed 18 Feb 2026 (Ash Wednesday, closure by Decreto Ejecutivo 3 de 2026, counted: it is unsettled whether closures stop a term).",
				"Day 3 Thu 19 Feb 2026.", "Day 4 Fri 20 Feb 2026.", "Day 5 Mon 23 Feb 2026: the last day, until 16:00.",
				"If the decreed closures of Mon 16 Feb 2026 and Wed 18 Feb 2026 count, the last day is Wed 25 Feb 2026.");
	}

	@Test
	void fiveDayTermRemindsOnNotificationDayEachBusinessMorningAndAtSevenOnTheLastDay() {
		CaseFacts facts = APPLICANT.withResolution("R-1", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 13));

		ComputedDeadline reconsideration = only("RECONSIDERATION", this.engine.compute(facts, CARNIVAL_2026));

		// 08:00 in Panama is 13:00 UTC, 07:00 is 12:00 UTC.
		assertThat(reconsideration.reminders()).containsExactly(Instant.parse("2026-02-13T13:00:00Z"),
				Instant.parse("2026-02-16T13:00:00Z"), Instant.parse("2026-02-18T13:00:00Z"),
				Instant.parse("2026-02-19T13:00:00Z"), Instant.parse("2026-02-20T13:00:00Z"),
				Instant.parse("2026-02-23T12:00:00Z"));
	}

	@Test
	void closureAddedAfterRemindersWereScheduledMovesTheLastDayReminderToTheDayBefore() {
		CaseFacts facts = APPLICANT.withResolution("R-1", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 9));
		ComputedDeadline before = only("RECONSIDERATION", this.engine.compute(facts, BusinessCalendar.statutory()));

		ComputedDeadline after = only("RECONSIDERATION",
				this.engine.compute(facts, BusinessCalendar.withOperatorDays(List.of(CARNIVAL_MONDAY))));

		assertThat(before.lastDay()).isEqualTo(LocalDate.of(2026, 2, 16));
		assertThat(before.reminders()).last().isEqualTo(Instant.parse("2026-02-16T12:00:00Z"));
		assertThat(after.lastDay()).isEqualTo(LocalDate.of(2026, 2, 16));
		assertThat(after.reminders()).containsExactly(Instant.parse("2026-02-09T13:00:00Z"),
				Instant.parse("2026-02-10T13:00:00Z"), Instant.parse("2026-02-11T13:00:00Z"),
				Instant.parse("2026-02-12T13:00:00Z"), Instant.parse("2026-02-13T12:00:00Z"));
		assertThat(after.explanation()).contains(
				"Offices are closed on Mon 16 Feb 2026 (Carnival Monday): to be safe, act by Fri 13 Feb 2026, 16:00.",
				"If the decreed closures of Mon 16 Feb 2026 count, the last day is Wed 18 Feb 2026.");
	}

	@Test
	void filedReconsiderationMeetsTheTermAndStopsItsReminders() {
		CaseFacts facts = APPLICANT.withResolution("R-1", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 13))
			.withReconsiderationFiled(LocalDate.of(2026, 2, 19));

		ComputedDeadline reconsideration = only("RECONSIDERATION", this.engine.compute(facts, CARNIVAL_2026));

		assertThat(reconsideration.status()).isEqualTo("MET");
		assertThat(reconsideration.reminders()).isEmpty();
		assertThat(reconsideration.explanation()).contains("Reconsideration filed on Thu 19 Feb 2026.");
	}

	@Test
	void reconsiderationNotFiledByFourOnTheLastDayIsMissedWithAnAlert() {
		CaseFacts facts = APPLICANT.withResolution("R-1", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 13));

		ComputedDeadline reconsideration = only("RECONSIDERATION",
				engineAt("2026-02-23T21:00:00Z").compute(facts, CARNIVAL_2026));

		assertThat(reconsideration.status()).isEqualTo("MISSED");
		assertThat(reconsideration.alert()).isTrue();
		assertThat(reconsideration.reminders()).isEmpty();
	}

	@Test
	void laterResolutionSupersedesAnEarlierRejection() {
		CaseFacts facts = APPLICANT.withResolution("R-1", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 13))
			.withResolution("R-2", ResolutionOutcome.ADMITTED, LocalDate.of(2026, 2, 20));

		ComputedDeadline reconsideration = only("RECONSIDERATION", this.engine.compute(facts, CARNIVAL_2026));

		assertThat(reconsideration.status()).isEqualTo("CANCELLED");
		assertThat(reconsideration.explanation()).contains("Superseded by resolution R-2 notified on Fri 20 Feb 2026.");
	}

	@Test
	void admittedApplicationHasNoReconsiderationTerm() {
		CaseFacts facts = APPLICANT.withResolution("R-1", ResolutionOutcome.ADMITTED, LocalDate.of(2026, 2, 13));

		assertThat(this.engine.compute(facts, CARNIVAL_2026)).extracting(ComputedDeadline::kind)
			.doesNotContain("RECONSIDERATION");
	}

	@Test
	void deniedReconsiderationOpensFiveBusinessDaysToAppeal() {
		CaseFacts facts = rejectedAndReconsidered().withReconsiderationDecided(DecisionOutcome.DENIED,
				LocalDate.of(2026, 3, 6));

		List<ComputedDeadline> deadlines = engineAt("2026-03-06T15:00:00Z").compute(facts, CARNIVAL_2026);

		assertThat(only("RECONSIDERATION", deadlines).status()).isEqualTo("MET");
		ComputedDeadline appeal = only("APPEAL", deadlines);
		assertThat(appeal.status()).isEqualTo("OPEN");
		assertThat(appeal.lastDay()).isEqualTo(LocalDate.of(2026, 3, 13));
		assertThat(appeal.dueAt()).isEqualTo(Instant.parse("2026-03-13T21:00:00Z"));
		assertThat(appeal.legalBasis()).isEqualTo("Ley 38 de 2000, art. 67");
		assertThat(appeal.explanation().get(0)).startsWith("Legal basis: ").contains("Minister of Government");
		assertThat(appeal.explanation()).contains("Reconsideration denied; decision notified on Fri 6 Mar 2026.");
	}

	@Test
	void grantedReconsiderationGivesNoAppeal() {
		CaseFacts facts = rejectedAndReconsidered().withReconsiderationDecided(DecisionOutcome.GRANTED,
				LocalDate.of(2026, 3, 6));

		assertThat(this.engine.compute(facts, CARNIVAL_2026)).extracting(ComputedDeadline::kind)
			.doesNotContain("APPEAL", "SUPREME_COURT");
	}

	@Test
	void filedAppealMeetsTheAppealTerm() {
		CaseFacts facts = rejectedAndReconsidered()
			.withReconsiderationDecided(DecisionOutcome.DENIED, LocalDate.of(2026, 3, 6))
			.withAppealFiled(LocalDate.of(2026, 3, 10));

		assertThat(only("APPEAL", this.engine.compute(facts, CARNIVAL_2026)).status()).isEqualTo("MET");
	}

	@Test
	void deniedAppealOpensTwoMonthsForTheSupremeCourtMarkedForLegalConfirmation() {
		CaseFacts facts = deniedAppeal();

		ComputedDeadline court = only("SUPREME_COURT", engineAt("2026-05-15T15:00:00Z").compute(facts, CARNIVAL_2026));

		assertThat(court.status()).isEqualTo("OPEN");
		assertThat(court.lastDay()).isEqualTo(LocalDate.of(2026, 7, 15));
		assertThat(court.needsLegalConfirmation()).isTrue();
		assertThat(court.legalBasis()).isEqualTo("Ley 135 de 1943, art. 42-B");
		assertThat(court.explanation().get(0)).contains("two months");
		assertThat(court.explanation()).anyMatch((line) -> line.startsWith("To be confirmed by a lawyer: "));
		assertThat(court.reminders()).containsExactly(Instant.parse("2026-06-15T13:00:00Z"),
				Instant.parse("2026-07-01T13:00:00Z"), Instant.parse("2026-07-08T13:00:00Z"),
				Instant.parse("2026-07-12T13:00:00Z"), Instant.parse("2026-07-14T13:00:00Z"));
	}

	@Test
	void supremeCourtTermIsConfigurable() {
		DeadlineEngine threeMonths = DeadlineEngine.standalone(
				Clock.fixed(Instant.parse("2026-05-15T15:00:00Z"), ZoneOffset.UTC), ReminderProperties.defaults(),
				new RuleProperties(Period.ofMonths(3)));

		ComputedDeadline court = only("SUPREME_COURT", threeMonths.compute(deniedAppeal(), CARNIVAL_2026));

		assertThat(court.lastDay()).isEqualTo(LocalDate.of(2026, 8, 15));
		assertThat(court.explanation().get(0)).contains("three months");
	}

	@Test
	void reconsiderationWithoutDecisionForTwoMonthsRaisesASilenceAlert() {
		CaseFacts facts = rejectedAndReconsidered();

		ComputedDeadline running = only("ADMINISTRATIVE_SILENCE",
				engineAt("2026-04-01T15:00:00Z").compute(facts, CARNIVAL_2026));
		ComputedDeadline passed = only("ADMINISTRATIVE_SILENCE",
				engineAt("2026-05-04T15:00:00Z").compute(facts, CARNIVAL_2026));

		assertThat(running.deadlineId()).isEqualTo("ADMINISTRATIVE_SILENCE:RECONSIDERATION");
		assertThat(running.lastDay()).isEqualTo(LocalDate.of(2026, 4, 19));
		assertThat(running.status()).isEqualTo("INFO");
		assertThat(running.alert()).isFalse();
		assertThat(running.reminders()).isEmpty();
		assertThat(running.legalBasis()).contains("Ley 38 de 2000, art. 200");
		assertThat(passed.status()).isEqualTo("INFO");
		assertThat(passed.alert()).isTrue();
	}

	@Test
	void decisionCancelsTheSilenceTerm() {
		CaseFacts facts = rejectedAndReconsidered().withReconsiderationDecided(DecisionOutcome.DENIED,
				LocalDate.of(2026, 3, 6));

		assertThat(only("ADMINISTRATIVE_SILENCE", this.engine.compute(facts, CARNIVAL_2026)).status())
			.isEqualTo("CANCELLED");
	}

	@Test
	void closedCaseCancelsTheOpenTermsButKeepsWhatWasMet() {
		CaseFacts facts = rejectedAndReconsidered()
			.withReconsiderationDecided(DecisionOutcome.DENIED, LocalDate.of(2026, 3, 6))
			.withClosed(LocalDate.of(2026, 3, 9), "withdrawn");

		List<ComputedDeadline> deadlines = this.engine.compute(facts, CARNIVAL_2026);

		assertThat(only("RECONSIDERATION", deadlines).status()).isEqualTo("MET");
		ComputedDeadline appeal = only("APPEAL", deadlines);
		assertThat(appeal.status()).isEqualTo("CANCELLED");
		assertThat(appeal.reminders()).isEmpty();
		assertThat(appeal.explanation())
			.contains("The case was closed on Mon 9 Mar 2026 (withdrawn): this no longer applies.");
	}

	private static CaseFacts rejectedAndReconsidered() {
		return APPLICANT.withResolution("R-1", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 13))
			.withReconsiderationFiled(LocalDate.of(2026, 2, 19));
	}

	private static CaseFacts deniedAppeal() {
		return rejectedAndReconsidered().withReconsiderationDecided(DecisionOutcome.DENIED, LocalDate.of(2026, 3, 6))
			.withAppealFiled(LocalDate.of(2026, 3, 10))
			.withAppealDecided(DecisionOutcome.DENIED, LocalDate.of(2026, 5, 15));
	}

	private static DeadlineEngine engineAt(String instant) {
		return DeadlineEngine.standalone(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
	}

	static ComputedDeadline only(String kind, List<ComputedDeadline> deadlines) {
		List<ComputedDeadline> matching = deadlines.stream().filter((d) -> d.kind().equals(kind)).toList();
		assertThat(matching).as(kind).hasSize(1);
		return matching.get(0);
	}

}
