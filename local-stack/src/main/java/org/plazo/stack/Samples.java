package org.plazo.stack;

/**
 * The sample requests the banner and the dev console show. The people in them are
 * invented.
 */
final class Samples {

	static final String CASE_REQUEST = """
			{"applicant": {"name": "Ana Prueba", "preferredLanguage": "es", "phone": "+50760001234", \
			"email": null, "preferredChannel": "SMS", "consentToContact": true}, \
			"arrivalDate": "2026-03-02", \
			"household": [{"name": "Luis Prueba", "relationship": "CHILD", "birthDate": "2019-05-01"}]}""";

	private Samples() {
	}

	static String createCase(String caseServiceUrl) {
		return "curl -i -X POST " + caseServiceUrl
				+ "/api/v1/cases \\\n  -H 'Content-Type: application/json' \\\n  -d '" + CASE_REQUEST + "'";
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
