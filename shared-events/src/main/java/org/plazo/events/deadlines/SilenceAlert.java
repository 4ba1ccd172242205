package org.plazo.events.deadlines;

import java.time.LocalDate;
import java.util.Objects;

/**
 * No decision came within the term after a reconsideration or appeal was filed:
 * administrative silence may have exhausted the administrative route.
 *
 * @param caseId the case
 * @param deadlineId the silence term
 * @param filedOn the day the recourse was filed
 * @param silenceFrom the first day of silence
 * @param legalBasis the law behind it, in words
 */
public record SilenceAlert(String caseId, String deadlineId, LocalDate filedOn, LocalDate silenceFrom,
		String legalBasis) implements DeadlineEvent {

	public SilenceAlert {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(deadlineId, "deadlineId");
		Objects.requireNonNull(silenceFrom, "silenceFrom");
	}

}
