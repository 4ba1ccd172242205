package org.plazo.deadlines.reminders;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reminder of one deadline. Its id is derived from the deadline and its time, so
 * computing the same deadline twice never makes two reminders.
 *
 * @param id deadline id + purpose + fire time
 * @param caseId the case
 * @param deadlineId the deadline
 * @param kind the deadline kind
 * @param purpose {@link Purpose#REMIND} a person, or {@link Purpose#EXPIRE} the deadline
 * @param lastDay the deadline's last day
 * @param dueAt the deadline's closing instant
 * @param legalBasis the law behind the deadline
 * @param fireAt when to fire
 * @param status where it is in its life
 * @param firedAt when it was published
 */
@Document("reminders")
@CompoundIndex(name = "due", def = "{'status': 1, 'fireAt': 1}")
public record Reminder(@Id String id, String caseId, String deadlineId, String kind, Purpose purpose, LocalDate lastDay,
		Instant dueAt, String legalBasis, Instant fireAt, Status status, Instant firedAt) {

	/**
	 * Dispatchers divide reminders into this many slots, by case. Fixed, like a topic's
	 * partitions: changing it moves reminders between buckets (the sweep still finds
	 * them).
	 */
	public static final int SLOTS = 16;

	public static Reminder pending(String caseId, String deadlineId, String kind, Purpose purpose, LocalDate lastDay,
			Instant dueAt, String legalBasis, Instant fireAt) {
		String id = deadlineId + ":" + purpose.name().toLowerCase() + ":" + fireAt;
		return new Reminder(id, caseId, deadlineId, kind, purpose, lastDay, dueAt, legalBasis, fireAt, Status.PENDING,
				null);
	}

	/**
	 * The slot of a case's reminders: which dispatcher fires them.
	 * {@link String#hashCode} is fixed by the language specification, so every instance
	 * agrees.
	 */
	public static int slotOf(String caseId) {
		return Math.floorMod(caseId.hashCode(), SLOTS);
	}

	public int slot() {
		return slotOf(this.caseId);
	}

	/**
	 * Whether it still has to fire. {@link Status#CLAIMED} is left by earlier versions,
	 * whose dispatchers claimed reminders one by one.
	 */
	public boolean toFire() {
		return this.status.toFire();
	}

	/**
	 * Tells the person at once that a deadline passed with nothing filed. One per
	 * deadline and last day, however often the case is recomputed.
	 */
	public static Reminder alert(String caseId, String deadlineId, String kind, LocalDate lastDay, Instant dueAt,
			String legalBasis, Instant now) {
		return new Reminder(deadlineId + ":alert:" + lastDay, caseId, deadlineId, kind, Purpose.REMIND, lastDay, dueAt,
				legalBasis, now, Status.PENDING, null);
	}

	/** Why a reminder fires. */
	public enum Purpose {

		/** Tell the person. */
		REMIND,

		/** Check whether the deadline passed with nothing filed. */
		EXPIRE

	}

	/** Life of a reminder. */
	public enum Status {

		PENDING,

		/** Left by earlier versions; fired like {@link #PENDING}. */
		CLAIMED,

		FIRED, CANCELLED;

		boolean toFire() {
			return this == PENDING || this == CLAIMED;
		}

	}

}
