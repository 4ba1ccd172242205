package org.plazo.deadlines.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.deadlines.reminders.Reminder;
import org.plazo.deadlines.reminders.Reminder.Purpose;
import org.plazo.deadlines.rules.ComputedDeadline;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPlanTests {

	static final Instant DUE = Instant.parse("2026-09-03T21:00:00Z");

	static final Instant R60 = Instant.parse("2026-07-05T13:00:00Z");

	static final Instant R30 = Instant.parse("2026-08-04T13:00:00Z");

	static final Instant R1 = Instant.parse("2026-09-02T13:00:00Z");

	@Test
	void aNewDeadlineGetsItsFutureRemindersAndAnExpiryCheck() {
		ReminderPlan plan = ReminderPlan.of("c1", filing("OPEN", LocalDate.of(2026, 9, 3), DUE, R60, R30, R1), null,
				Instant.parse("2026-03-10T14:00:00Z"), Duration.ZERO, null);

		assertThat(plan.toSchedule()).extracting(Reminder::fireAt).containsExactly(R60, R30, R1, DUE);
		assertThat(plan.toSchedule()).extracting(Reminder::purpose)
			.containsExactly(Purpose.REMIND, Purpose.REMIND, Purpose.REMIND, Purpose.EXPIRE);
		assertThat(plan.toSchedule()).allSatisfy((r) -> assertThat(r.deadlineId()).isEqualTo("c1:FILING_WINDOW"));
		assertThat(plan.toCancel()).isEmpty();
		assertThat(plan.tracked()).hasSize(4);
	}

	@Test
	void pastReminderTimesOfANewDeadlineCollapseIntoOneSentAtOnce() {
		Instant now = Instant.parse("2026-08-10T14:00:00Z");
		ReminderPlan plan = ReminderPlan.of("c1", filing("OPEN", LocalDate.of(2026, 9, 3), DUE, R60, R30, R1), null,
				now, Duration.ZERO, null);

		// R60 and R30 have passed: only the later one is kept, and it fires at once.
		assertThat(plan.toSchedule()).extracting(Reminder::fireAt).containsExactly(R1, now, DUE);
	}

	@Test
	void aCatchUpReminderWaitsItsDelaySoLaterFactsCanCancelIt() {
		Instant now = Instant.parse("2026-08-10T14:00:00Z");
		ReminderPlan plan = ReminderPlan.of("c1", filing("OPEN", LocalDate.of(2026, 9, 3), DUE, R60, R30, R1), null,
				now, Duration.ofMinutes(2), null);
		Reminder catchUp = plan.toSchedule().get(1);
		assertThat(catchUp.fireAt()).isEqualTo(now.plusSeconds(120));

		TrackedDeadline before = new TrackedDeadline("FILING_WINDOW", "FILING_WINDOW", "r", "v", "basis",
				LocalDate.of(2026, 9, 3), DUE, "OPEN", false, false, List.of(), plan.tracked());
		ReminderPlan afterFiling = ReminderPlan.of("c1", filing("MET", LocalDate.of(2026, 9, 3), DUE), before,
				now.plusSeconds(5), Duration.ofMinutes(2), null);
		assertThat(afterFiling.toCancel()).contains(catchUp.id());
	}

	@Test
	void computingAgainAfterACrashFindsTheSameAtOnceReminders() {
		TrackedDeadline before = new TrackedDeadline("FILING_WINDOW", "FILING_WINDOW", "r", "v", "basis",
				LocalDate.of(2026, 9, 3), DUE, "OPEN", false, false, List.of(), List.of());
		Instant movedDue = Instant.parse("2026-09-04T21:00:00Z");
		Instant now = Instant.parse("2026-07-10T14:00:00Z");
		for (TrackedDeadline previous : java.util.Arrays.asList(before, null)) {
			ReminderPlan first = ReminderPlan.of("c1", filing("OPEN", LocalDate.of(2026, 9, 4), movedDue, R60),
					previous, now, Duration.ofMinutes(2), Duration.ofMinutes(1));
			ReminderPlan again = ReminderPlan.of("c1", filing("OPEN", LocalDate.of(2026, 9, 4), movedDue, R60),
					previous, now.plusSeconds(40), Duration.ofMinutes(2), Duration.ofMinutes(1));

			assertThat(again.toSchedule()).extracting(Reminder::id)
				.containsExactlyInAnyOrderElementsOf(first.toSchedule().stream().map(Reminder::id).toList());
		}
	}

	@Test
	void aMovedDeadlineCancelsWhatIsNoLongerWantedAndTellsThePersonAtOnce() {
		Instant now = Instant.parse("2026-07-10T14:00:00Z");
		ReminderPlan first = ReminderPlan.of("c1", filing("OPEN", LocalDate.of(2026, 9, 3), DUE, R60, R30, R1), null,
				Instant.parse("2026-03-10T14:00:00Z"), Duration.ZERO, null);
		TrackedDeadline before = new TrackedDeadline("FILING_WINDOW", "FILING_WINDOW", "r", "v", "basis",
				LocalDate.of(2026, 9, 3), DUE, "OPEN", false, false, List.of(), first.tracked());
		Instant movedDue = Instant.parse("2026-09-04T21:00:00Z");
		Instant movedR1 = Instant.parse("2026-09-03T13:00:00Z");

		ReminderPlan plan = ReminderPlan.of("c1", filing("OPEN", LocalDate.of(2026, 9, 4), movedDue, R60, R30, movedR1),
				before, now, Duration.ZERO, null);

		assertThat(plan.toCancel()).containsExactlyInAnyOrder(idOf(first, R1), idOf(first, DUE));
		assertThat(plan.toSchedule()).extracting(Reminder::fireAt).contains(now, movedR1, movedDue);
		// R60 already fired: remembered, not cancelled, not scheduled again.
		assertThat(plan.tracked()).extracting(ScheduledReminder::fireAt).contains(R60);
		assertThat(plan.toSchedule()).extracting(Reminder::fireAt).doesNotContain(R60);
	}

	@Test
	void aDeadlineFoundMissedAlertsThePersonOnce() {
		Instant now = DUE.plusSeconds(1);
		TrackedDeadline open = new TrackedDeadline("FILING_WINDOW", "FILING_WINDOW", "r", "v", "basis",
				LocalDate.of(2026, 9, 3), DUE, "OPEN", false, false, List.of(), List.of());
		ReminderPlan plan = ReminderPlan.of("c1", filing("MISSED", LocalDate.of(2026, 9, 3), DUE), open, now,
				Duration.ZERO, null);
		assertThat(plan.toSchedule()).singleElement().satisfies((alert) -> {
			assertThat(alert.fireAt()).isEqualTo(now);
			assertThat(alert.purpose()).isEqualTo(Purpose.REMIND);
		});

		TrackedDeadline missed = open.withStatus("MISSED");
		assertThat(ReminderPlan
			.of("c1", filing("MISSED", LocalDate.of(2026, 9, 3), DUE), missed, now.plusSeconds(60), Duration.ZERO, null)
			.toSchedule()).isEmpty();
	}

	@Test
	void aMetDeadlineCancelsItsRemindersStillAhead() {
		ReminderPlan first = ReminderPlan.of("c1", filing("OPEN", LocalDate.of(2026, 9, 3), DUE, R60, R30, R1), null,
				Instant.parse("2026-03-10T14:00:00Z"), Duration.ZERO, null);
		TrackedDeadline before = new TrackedDeadline("FILING_WINDOW", "FILING_WINDOW", "r", "v", "basis",
				LocalDate.of(2026, 9, 3), DUE, "OPEN", false, false, List.of(), first.tracked());

		ReminderPlan plan = ReminderPlan.of("c1", filing("MET", LocalDate.of(2026, 9, 3), DUE), before,
				Instant.parse("2026-08-01T14:00:00Z"), Duration.ZERO, null);

		assertThat(plan.toSchedule()).isEmpty();
		assertThat(plan.toCancel()).containsExactlyInAnyOrder(idOf(first, R30), idOf(first, R1), idOf(first, DUE));
	}

	@Test
	void aDemoOffsetAddsOneEarlyReminderToANewDeadline() {
		Instant now = Instant.parse("2026-03-10T14:00:00Z");
		ReminderPlan plan = ReminderPlan.of("c1", filing("OPEN", LocalDate.of(2026, 9, 3), DUE, R60), null, now,
				Duration.ZERO, Duration.ofMinutes(1));
		assertThat(plan.toSchedule()).extracting(Reminder::fireAt).contains(now.plusSeconds(60));
	}

	private static String idOf(ReminderPlan plan, Instant at) {
		return plan.tracked().stream().filter((r) -> r.fireAt().equals(at)).findFirst().orElseThrow().reminderId();
	}

	private static ComputedDeadline filing(String status, LocalDate lastDay, Instant dueAt, Instant... reminders) {
		return new ComputedDeadline("FILING_WINDOW", "FILING_WINDOW", "filing-window", "2026.1",
				"Decreto Ejecutivo 5 de 2018, art. 30", lastDay, dueAt, status, false, List.of("step"),
				List.of(reminders));
	}

}
