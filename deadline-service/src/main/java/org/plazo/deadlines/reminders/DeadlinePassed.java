package org.plazo.deadlines.reminders;

/**
 * Published (as a Spring application event, in the firing thread) when a deadline's
 * closing instant has passed, so whoever owns deadlines can mark it missed if nothing was
 * filed.
 *
 * @param caseId the case
 * @param deadlineId the deadline id, qualified by the case id
 */
public record DeadlinePassed(String caseId, String deadlineId) {

}
