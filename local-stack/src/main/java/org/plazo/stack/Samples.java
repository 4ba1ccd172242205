package org.plazo.stack;

import java.time.LocalDate;

/**
 * The sample requests the banner and the dev console show. The people in them are
 * invented.
 */
final class Samples {

	static final String CASE_REQUEST = """
			{"applicant": {"name": "Ana Prueba", "preferredLanguage": "es", "phone": "+50760001234", \
			"email": null, "preferredChannel": "SMS", "consentToContact": true, "consentNoticeVersion": "2026-11"}, \
			"arrivalDate": "%s", \
			"household": [{"name": "Luis Prueba", "relationship": "CHILD", "birthDate": "2019-05-01"}]}""";

	private Samples() {
	}

	/**
	 * A request that registers an invented person who arrived three weeks before
	 * {@code today}, so the filing window is still open and its reminders lie ahead.
	 */
	static String createCase(String caseServiceUrl, LocalDate today) {
		return "curl -i -X POST " + caseServiceUrl
				+ "/api/v1/cases \\\n  -H \"Authorization: Bearer $TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  -d '"
				+ CASE_REQUEST.formatted(today.minusWeeks(3)) + "'";
	}

	/** Gets a development client's token into {@code $TOKEN} (needs jq). */
	static String token(String issuerUrl, String clientId) {
		return "TOKEN=$(curl -s -u " + clientId + ":" + clientId + "-secret -d grant_type=client_credentials "
				+ issuerUrl + "/oauth2/token | jq -r .access_token)";
	}

	static String listDeadlines(String deadlineServiceUrl) {
		return "curl " + deadlineServiceUrl + "/api/v1/cases/<caseId>/deadlines";
	}

	static String advanceClock(String consoleUrl, String by) {
		return "curl -X POST '" + consoleUrl + "/api/clock/advance?by=" + by + "'";
	}

	static String resetClock(String consoleUrl) {
		return "curl -X POST " + consoleUrl + "/api/clock/reset";
	}

}
