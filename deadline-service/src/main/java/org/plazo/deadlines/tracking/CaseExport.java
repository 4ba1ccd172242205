package org.plazo.deadlines.tracking;

import java.util.List;

import org.plazo.deadlines.rules.CaseFacts;
import org.plazo.deadlines.tracking.CaseDeadlinesView.DeadlineView;

/**
 * What deadline tracking holds about one case, for the person's right of access.
 *
 * @param caseId the case
 * @param facts the dates the deadlines were computed from
 * @param deadlines every deadline with its working and reminders
 */
public record CaseExport(String caseId, CaseFacts facts, List<DeadlineView> deadlines) {

}
