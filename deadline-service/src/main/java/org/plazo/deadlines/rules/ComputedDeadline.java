package org.plazo.deadlines.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One deadline as the rules compute it, with its working.
 *
 * <p>
 * INTERFACE CONTRACT used by the deadlines package: it stores these, diffs them against
 * the previous computation by {@code deadlineId}, and schedules {@code reminders}.
 *
 * @param deadlineId stable id within the case, e.g. {@code FILING_WINDOW} or
 * {@code PROVISIONAL_CARD:member-2}; the same facts always give the same id
 * @param kind the deadline kind name, e.g. {@code FILING_WINDOW}
 * @param ruleId the rule that produced it
 * @param rulesVersion the version of the rule set
 * @param legalBasis the law behind it in a few words, for messages (e.g. {@code Ley 38 de
 * 2000, art. 67}); the explanation's first line gives it in full
 * @param lastDay the last day to act, on the conservative reading
 * @param dueAt the instant the term closes (16:00 America/Panama for filings)
 * @param status {@code OPEN}, {@code MET}, {@code MISSED}, {@code CANCELLED} or
 * {@code INFO} (information, no reminders)
 * @param needsLegalConfirmation whether a lawyer has yet to confirm the rule
 * @param explanation the counting steps, in words a caseworker understands; a line
 * starting with {@link #ALERT_PREFIX} asks for legal help at once
 * @param reminders when to remind the person, ascending; empty unless {@code OPEN}
 */
public record ComputedDeadline(String deadlineId, String kind, String ruleId, String rulesVersion, String legalBasis,
		LocalDate lastDay, Instant dueAt, String status, boolean needsLegalConfirmation, List<String> explanation,
		List<Instant> reminders) {

	/** Marks an explanation line that needs a person to act now (seek legal help). */
	public static final String ALERT_PREFIX = "ALERT: ";

	/**
	 * Whether the explanation raises an alert: a missed filing, an expired document, a
	 * late application, or administrative silence.
	 */
	@JsonProperty(value = "alert", access = JsonProperty.Access.READ_ONLY)
	public boolean alert() {
		return this.explanation.stream().anyMatch((line) -> line.startsWith(ALERT_PREFIX));
	}

}
