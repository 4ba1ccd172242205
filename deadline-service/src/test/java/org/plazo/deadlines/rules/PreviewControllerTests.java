package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.calendar.BusinessCalendar;
import org.plazo.deadlines.calendar.CalendarManagement;
import org.plazo.deadlines.security.DeadlineSecurity;
import org.plazo.deadlines.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(PreviewController.class)
@Import({ DeadlineEngine.class, RulesConfiguration.class, DeadlineSecurity.class, TestTokens.AsOperator.class })
class PreviewControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	CalendarManagement calendars;

	@MockitoBean
	BulkExtensionManagement extensions;

	@BeforeEach
	void statutoryCalendar() {
		given(this.calendars.current()).willReturn(BusinessCalendar.statutory());
		given(this.extensions.current()).willReturn(List.of());
	}

	@Test
	void previewsTheDeadlinesOfTheGivenFactsWithTheirWorking() {
		MvcTestResult result = preview("?asOf=2026-02-13T15:00:00Z", """
				{"arrivalDate": "2025-09-01", "applicationFiledOn": "2025-09-03",
				 "interviews": [{"id": "i-1", "kind": "REGISTRATION", "date": "2026-03-10", "time": "09:00"}],
				 "resolutions": [{"id": "R-1", "outcome": "REJECTED", "notifiedOn": "2026-02-13"}]}
				""");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.caseId").isEqualTo("preview");
		assertThat(result).bodyJson()
			.extractingPath("$.deadlines[*].deadlineId")
			.asArray()
			.containsExactly("FILING_WINDOW", "REGISTRATION_INTERVIEW:i-1", "RECONSIDERATION:R-1");
		assertThat(result).bodyJson().extractingPath("$.deadlines[0].status").isEqualTo("MET");
		assertThat(result).bodyJson().extractingPath("$.deadlines[2].lastDay").isEqualTo("2026-02-23");
		assertThat(result).bodyJson().extractingPath("$.deadlines[2].dueAt").isEqualTo("2026-02-23T21:00:00Z");
		assertThat(result).bodyJson().extractingPath("$.deadlines[2].status").isEqualTo("OPEN");
		assertThat(result).bodyJson()
			.extractingPath("$.deadlines[2].explanation")
			.asArray()
			.contains("Day 5 Mon 23 Feb 2026: the last day, until 16:00.");
		assertThat(result).bodyJson().extractingPath("$.deadlines[2].reminders").asArray().hasSize(6);
	}

	@Test
	void namesTheBadFieldsOfNestedFacts() {
		assertInvalid(preview("", """
				{"interviews": [{"id": "i-1", "kind": "LUNCH", "date": "2026-03-10"}]}
				"""), "interviews[0].kind");
		assertInvalid(preview("", """
				{"interviews": [{"id": "i-1", "kind": "EXTENSION"}]}
				"""), "interviews[0].date");
		assertInvalid(preview("", """
				{"arrivalDate": "2026-02-30"}
				"""), "arrivalDate");
		assertInvalid(preview("", """
				{"arrivalDate": "2026-02-03", "favouriteColour": "blue"}
				"""), "favouriteColour");
		assertInvalid(preview("", """
				{"arrivalDate": "1926-02-03"}
				"""), "arrivalDate");
		assertInvalid(preview("", """
				{"certificate": {}}
				"""), "certificate");
	}

	private MvcTestResult preview(String query, String body) {
		return this.mvc.post()
			.uri("/api/v1/deadlines/preview" + query)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	static void assertInvalid(MvcTestResult result, String field) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
	}

}
