package org.plazo.cases.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a caseload file, in the template's order. The first seven open the case
 * and must be in the header; the others record the history of its procedure and may be
 * left out. docs/import.md describes each one.
 */
enum Column {

	APPLICANT_NAME("applicantName", "applicant.name"),
	PREFERRED_LANGUAGE("preferredLanguage", "applicant.preferredLanguage"), PHONE("phone", "applicant.phone"),
	EMAIL("email", "applicant.email"), PREFERRED_CHANNEL("preferredChannel", "applicant.preferredChannel"),
	CONSENT_TO_CONTACT("consentToContact", "applicant.consentToContact"), ARRIVAL_DATE("arrivalDate", "arrivalDate"),

	APPLICATION_FILED_ON("applicationFiledOn"), CERTIFICATE_ISSUED_ON("certificateIssuedOn"),
	CERTIFICATE_VALID_UNTIL("certificateValidUntil"), INTERVIEW_ID("interviewId"), INTERVIEW_KIND("interviewKind"),
	INTERVIEW_DATE("interviewDate"), INTERVIEW_TIME("interviewTime"),
	PROVISIONAL_CARD_ISSUED_ON("provisionalCardIssuedOn"), PROVISIONAL_CARD_EXPIRES_ON("provisionalCardExpiresOn"),
	RESOLUTION_ID("resolutionId"), RESOLUTION_OUTCOME("resolutionOutcome"),
	RESOLUTION_NOTIFIED_ON("resolutionNotifiedOn"), RECONSIDERATION_FILED_ON("reconsiderationFiledOn"),
	RECONSIDERATION_OUTCOME("reconsiderationOutcome"), RECONSIDERATION_NOTIFIED_ON("reconsiderationNotifiedOn"),
	APPEAL_FILED_ON("appealFiledOn"), APPEAL_OUTCOME("appealOutcome"), APPEAL_NOTIFIED_ON("appealNotifiedOn"),
	REFUGEE_STATUS_NOTIFIED_ON("refugeeStatusNotifiedOn"), REFUGEE_CARD_ISSUED_ON("refugeeCardIssuedOn"),
	REFUGEE_CARD_EXPIRES_ON("refugeeCardExpiresOn"), CLOSED_REASON("closedReason"), CLOSED_ON("closedOn");

	private static final Map<String, Column> BY_HEADER = Arrays.stream(values())
		.collect(Collectors.toMap((column) -> key(column.header), Function.identity()));

	private static final Map<String, Column> BY_API_FIELD = Arrays.stream(values())
		.filter(Column::required)
		.collect(Collectors.toMap((column) -> column.apiField, Function.identity()));

	private final String header;

	private final String apiField;

	Column(String header) {
		this(header, null);
	}

	/**
	 * @param apiField the field of {@code POST /api/v1/cases} it fills, for the columns
	 * that open the case
	 */
	Column(String header, String apiField) {
		this.header = header;
		this.apiField = apiField;
	}

	String header() {
		return this.header;
	}

	/** The columns that open the case must be in the header. */
	boolean required() {
		return this.apiField != null;
	}

	/** Case and spaces around it do not matter: spreadsheets change both. */
	static Optional<Column> byHeader(String header) {
		return Optional.ofNullable(BY_HEADER.get(key(header)));
	}

	/** The column of a field of the request that opens a case. */
	static Optional<Column> byApiField(String field) {
		return Optional.ofNullable(BY_API_FIELD.get(field));
	}

	private static String key(String header) {
		return header.strip().toLowerCase(Locale.ROOT);
	}

}
