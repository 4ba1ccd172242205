package org.plazo.cases.imports;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.plazo.cases.cases.CaseFact;

/**
 * The facts of the procedure a row can record, in the order they are recorded, each with
 * its columns. A fact is recorded when any of its columns is filled; the API's rules then
 * say which of the others it needs.
 */
enum History {

	APPLICATION_FILED(Map.of("filedOn", Column.APPLICATION_FILED_ON),
			(cells) -> new CaseFact.ApplicationFiling(cells.date(Column.APPLICATION_FILED_ON))),

	CERTIFICATE_ISSUED(Map.of("issuedOn", Column.CERTIFICATE_ISSUED_ON, "validUntil", Column.CERTIFICATE_VALID_UNTIL),
			(cells) -> new CaseFact.CertificateIssue(cells.date(Column.CERTIFICATE_ISSUED_ON),
					cells.date(Column.CERTIFICATE_VALID_UNTIL))),

	INTERVIEW_SCHEDULED(
			Map.of("interviewId", Column.INTERVIEW_ID, "kind", Column.INTERVIEW_KIND, "date", Column.INTERVIEW_DATE,
					"time", Column.INTERVIEW_TIME),
			(cells) -> new CaseFact.InterviewScheduling(cells.text(Column.INTERVIEW_ID),
					cells.text(Column.INTERVIEW_KIND), cells.date(Column.INTERVIEW_DATE),
					cells.time(Column.INTERVIEW_TIME))),

	/** The applicant's card: household members are not imported. */
	PROVISIONAL_CARD_ISSUED(
			Map.of("issuedOn", Column.PROVISIONAL_CARD_ISSUED_ON, "expiresOn", Column.PROVISIONAL_CARD_EXPIRES_ON),
			(cells) -> new CaseFact.ProvisionalCardIssue(CaseFact.ProvisionalCardIssue.APPLICANT,
					cells.date(Column.PROVISIONAL_CARD_ISSUED_ON), cells.date(Column.PROVISIONAL_CARD_EXPIRES_ON))),

	RESOLUTION_NOTIFIED(
			Map.of("resolutionId", Column.RESOLUTION_ID, "outcome", Column.RESOLUTION_OUTCOME, "notifiedOn",
					Column.RESOLUTION_NOTIFIED_ON),
			(cells) -> new CaseFact.ResolutionNotice(cells.text(Column.RESOLUTION_ID),
					cells.text(Column.RESOLUTION_OUTCOME), cells.date(Column.RESOLUTION_NOTIFIED_ON))),

	RECONSIDERATION_FILED(Map.of("filedOn", Column.RECONSIDERATION_FILED_ON),
			(cells) -> new CaseFact.ReconsiderationFiling(cells.date(Column.RECONSIDERATION_FILED_ON))),

	RECONSIDERATION_DECIDED(
			Map.of("outcome", Column.RECONSIDERATION_OUTCOME, "notifiedOn", Column.RECONSIDERATION_NOTIFIED_ON),
			(cells) -> new CaseFact.ReconsiderationDecision(cells.text(Column.RECONSIDERATION_OUTCOME),
					cells.date(Column.RECONSIDERATION_NOTIFIED_ON))),

	APPEAL_FILED(Map.of("filedOn", Column.APPEAL_FILED_ON),
			(cells) -> new CaseFact.AppealFiling(cells.date(Column.APPEAL_FILED_ON))),

	APPEAL_DECIDED(Map.of("outcome", Column.APPEAL_OUTCOME, "notifiedOn", Column.APPEAL_NOTIFIED_ON),
			(cells) -> new CaseFact.AppealDecision(cells.text(Column.APPEAL_OUTCOME),
					cells.date(Column.APPEAL_NOTIFIED_ON))),

	REFUGEE_STATUS_GRANTED(Map.of("notifiedOn", Column.REFUGEE_STATUS_NOTIFIED_ON),
			(cells) -> new CaseFact.RefugeeStatusGrant(cells.date(Column.REFUGEE_STATUS_NOTIFIED_ON))),

	REFUGEE_CARD_ISSUED(Map.of("issuedOn", Column.REFUGEE_CARD_ISSUED_ON, "expiresOn", Column.REFUGEE_CARD_EXPIRES_ON),
			(cells) -> new CaseFact.RefugeeCardIssue(cells.date(Column.REFUGEE_CARD_ISSUED_ON),
					cells.date(Column.REFUGEE_CARD_EXPIRES_ON))),

	CASE_CLOSED(Map.of("reason", Column.CLOSED_REASON, "closedOn", Column.CLOSED_ON),
			(cells) -> new CaseFact.Closing(cells.text(Column.CLOSED_REASON), cells.date(Column.CLOSED_ON)));

	private final Map<String, Column> columns;

	private final Function<CaseRows.Cells, CaseFact> fact;

	/**
	 * @param columns the column of each field of the fact, as the API names it
	 * @param fact the fact a row's cells make
	 */
	History(Map<String, Column> columns, Function<CaseRows.Cells, CaseFact> fact) {
		this.columns = columns;
		this.fact = fact;
	}

	/** Whether the row records this fact: any of its columns is filled. */
	boolean in(CaseRows.Cells cells) {
		return this.columns.values().stream().anyMatch(cells::filled);
	}

	CaseFact fact(CaseRows.Cells cells) {
		return this.fact.apply(cells);
	}

	/** The column of a field of the fact, as the API's problems name it. */
	Optional<Column> column(String field) {
		return Optional.ofNullable(this.columns.get(field));
	}

}
