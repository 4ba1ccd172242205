package org.plazo.deadlines.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.plazo.deadlines.rules.ComputedDeadline;

/**
 * A deadline as stored for a case, with the reminders scheduled for it.
 *
 * @param deadlineId stable id within the case
 * @param kind the deadline kind
 * @param ruleId the rule that produced it
 * @param rulesVersion the version of the rule set
 * @param legalBasis the law behind it
 * @param lastDay the last day to act
 * @param dueAt the closing instant
 * @param status OPEN, MET, MISSED, CANCELLED or INFO
 * @param needsLegalConfirmation whether a lawyer has yet to confirm the rule
 * @param alert whether the explanation asks for legal help at once
 * @param explanation the counting steps
 * @param reminders the reminders scheduled for it
 */
record TrackedDeadline(String deadlineId, String kind, String ruleId, String rulesVersion, String legalBasis,
		LocalDate lastDay, Instant dueAt, String status, boolean needsLegalConfirmation, boolean alert,
		List<String> explanation, List<ScheduledReminder> reminders) {

	static final String OPEN = "OPEN";

	static final String MET = "MET";

	static final String MISSED = "MISSED";

	static final String CANCELLED = "CANCELLED";

	static final String INFO = "INFO";

	static final String SILENCE = "ADMINISTRATIVE_SILENCE";

	static TrackedDeadline of(ComputedDeadline computed, String status, List<ScheduledReminder> reminders) {
		return new TrackedDeadline(computed.deadlineId(), computed.kind(), computed.ruleId(), computed.rulesVersion(),
				computed.legalBasis(), computed.lastDay(), computed.dueAt(), status, computed.needsLegalConfirmation(),
				computed.alert(), computed.explanation(), reminders);
	}

	TrackedDeadline withStatus(String newStatus) {
		return new TrackedDeadline(this.deadlineId, this.kind, this.ruleId, this.rulesVersion, this.legalBasis,
				this.lastDay, this.dueAt, newStatus, this.needsLegalConfirmation, this.alert, this.explanation,
				this.reminders);
	}

	boolean isOpen() {
		return OPEN.equals(this.status);
	}

	boolean movedFrom(TrackedDeadline previous) {
		return !this.lastDay.equals(previous.lastDay) || !this.dueAt.equals(previous.dueAt);
	}

}
