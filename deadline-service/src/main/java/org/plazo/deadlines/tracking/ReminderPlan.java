package org.plazo.deadlines.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.plazo.deadlines.reminders.Reminder;
import org.plazo.deadlines.reminders.Reminder.Purpose;
import org.plazo.deadlines.rules.ComputedDeadline;

/**
 * Which reminders a deadline should have now, given those it had.
 *
 * <ul>
 * <li>Reminders still ahead are kept or created; those no longer wanted are
 * cancelled.</li>
 * <li>Reminder times that have already passed are never dropped silently: a new deadline
 * whose early reminders are past gets the latest of them at once, not all of them. "At
 * once" means after a short catch-up delay, during which later facts can cancel it.</li>
 * <li>A deadline that moved gets one reminder at once, so the person hears of it.</li>
 * <li>An open deadline gets an expiry check at its closing instant; one found missed gets
 * an alert at once, telling the person to seek legal help.</li>
 * </ul>
 *
 * @param toSchedule reminders to store (idempotent)
 * @param toCancel reminder ids to cancel if they have not fired
 * @param tracked what the case's document remembers
 */
record ReminderPlan(List<Reminder> toSchedule, List<String> toCancel, List<ScheduledReminder> tracked) {

	static ReminderPlan of(String caseId, ComputedDeadline computed, TrackedDeadline before, Instant now,
			Duration catchUpDelay, Duration demoOffset) {
		// "At once" waits a moment, so facts recorded right after (an application already
		// filed, say) can still cancel a reminder that would be wrong.
		Instant soon = now.plus((catchUpDelay != null) ? catchUpDelay : Duration.ZERO);
		Map<String, Reminder> wanted = new LinkedHashMap<>();
		if (TrackedDeadline.OPEN.equals(computed.status()) && computed.dueAt().isAfter(now)) {
			Instant latestPast = null;
			for (Instant at : computed.reminders()) {
				if (at.isAfter(now)) {
					put(wanted, reminder(caseId, computed, Purpose.REMIND, at));
				}
				else {
					latestPast = at;
				}
			}
			if (before == null && latestPast != null) {
				put(wanted, catchUp(reminder(caseId, computed, Purpose.REMIND, latestPast), soon));
			}
			if (before != null && before.isOpen() && !before.lastDay().equals(computed.lastDay())) {
				put(wanted, stable(reminder(caseId, computed, Purpose.REMIND, soon), "moved-to-" + computed.lastDay()));
			}
			if (before == null && demoOffset != null && !demoOffset.isZero()) {
				put(wanted, stable(reminder(caseId, computed, Purpose.REMIND, now.plus(demoOffset)), "demo"));
			}
			put(wanted, reminder(caseId, computed, Purpose.EXPIRE, computed.dueAt()));
		}
		else if (TrackedDeadline.MISSED.equals(computed.status()) && (before == null || before.isOpen())) {
			put(wanted, Reminder.alert(caseId, qualified(caseId, computed), computed.kind(), computed.lastDay(),
					computed.dueAt(), computed.legalBasis(), soon));
		}
		else if (TrackedDeadline.SILENCE.equals(computed.kind()) && TrackedDeadline.INFO.equals(computed.status())) {
			// Silence is no deadline of the person's, but its end changes their options.
			if (computed.dueAt().isAfter(now)) {
				put(wanted, reminder(caseId, computed, Purpose.EXPIRE, computed.dueAt()));
			}
			else if (computed.alert() && (before == null || !before.alert())) {
				put(wanted, Reminder.alert(caseId, qualified(caseId, computed), computed.kind(), computed.lastDay(),
						computed.dueAt(), computed.legalBasis(), soon));
			}
		}
		List<ScheduledReminder> tracked = new ArrayList<>();
		List<String> toCancel = new ArrayList<>();
		if (before != null) {
			for (ScheduledReminder had : before.reminders()) {
				if (wanted.containsKey(had.reminderId())) {
					continue;
				}
				if (had.fireAt().isAfter(now)) {
					toCancel.add(had.reminderId());
				}
				else {
					tracked.add(had);
				}
			}
		}
		wanted.values().forEach((r) -> tracked.add(new ScheduledReminder(r.id(), r.fireAt(), r.purpose().name())));
		return new ReminderPlan(List.copyOf(wanted.values()), toCancel, tracked);
	}

	/** A reminder whose time has passed, keeping its id but firing soon. */
	private static Reminder catchUp(Reminder late, Instant soon) {
		return new Reminder(late.id(), late.caseId(), late.deadlineId(), late.kind(), late.purpose(), late.lastDay(),
				late.dueAt(), late.legalBasis(), soon, late.status(), null);
	}

	/**
	 * A reminder timed from "now", with an id that does not depend on it. Reminders are
	 * stored before the case's document; if the process dies in between, the event is
	 * applied again later, at another "now", and must find the same reminder rather than
	 * add a second one (the person would hear twice).
	 */
	private static Reminder stable(Reminder timedFromNow, String name) {
		Reminder r = timedFromNow;
		return new Reminder(r.deadlineId() + ":" + r.purpose().name().toLowerCase() + ":" + name, r.caseId(),
				r.deadlineId(), r.kind(), r.purpose(), r.lastDay(), r.dueAt(), r.legalBasis(), r.fireAt(), r.status(),
				null);
	}

	private static Reminder reminder(String caseId, ComputedDeadline computed, Purpose purpose, Instant at) {
		return Reminder.pending(caseId, qualified(caseId, computed), computed.kind(), purpose, computed.lastDay(),
				computed.dueAt(), computed.legalBasis(), at);
	}

	/** Reminder ids are global; deadline ids are unique only within their case. */
	static String qualified(String caseId, ComputedDeadline computed) {
		return caseId + ":" + computed.deadlineId();
	}

	private static void put(Map<String, Reminder> wanted, Reminder reminder) {
		wanted.put(reminder.id(), reminder);
	}

}
