package org.plazo.cases.cases;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.plazo.cases.OperatorByDefault;
import org.plazo.cases.access.ApiSecurity;
import org.plazo.cases.observability.CaseMetrics;
import org.plazo.cases.outbox.OutboxRelay;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

@WebMvcTest(CaseController.class)
@Import({ CaseManagement.class, CaseAccess.class, ApiSecurity.class, OperatorByDefault.class, TestClock.class })
class CaseControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Cases cases;

	@MockitoBean
	OutboxRelay relay;

	@MockitoBean
	CaseMetrics metrics;

	@Test
	void opensACaseFromTheContractExample() {
		given(this.cases.save(any())).willAnswer((invocation) -> invocation.getArgument(0));

		MvcTestResult result = post(CaseServiceIntegrationTests.CONTRACT);

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result).bodyJson().extractingPath("$.caseId").asString().isNotBlank();
		assertThat(result.getResponse().getHeader("Location")).startsWith("/api/v1/cases/");
		then(this.relay).should().publishSoon(any());
	}

	@Test
	void namesEveryBadFieldAtOnce() {
		String body = """
				{"applicant": {"name": "", "preferredLanguage": "xx", "phone": "12345", "email": "luis.prueba@",
				               "preferredChannel": "PIGEON", "consentToContact": false},
				 "arrivalDate": "2026-04-01",
				 "household": [{"name": "Luis Prueba", "relationship": "COUSIN", "birthDate": "2030-01-01"}]}
				""";

		MvcTestResult result = post(body);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("applicant.name", "applicant.preferredLanguage", "applicant.phone",
					"applicant.email", "applicant.preferredChannel", "applicant.consentToContact", "arrivalDate",
					"household[0].relationship", "household[0].birthDate");
		assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(400);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.asString()
			.isEqualTo("urn:plazo:problem:invalid-request");
		assertThat(result).bodyText().doesNotContain("12345", "luis.prueba@", "PIGEON", "COUSIN");
		nothingStored();
	}

	@Test
	void rejectsAnArrivalDateInTheFuture() {
		MvcTestResult result = post(CaseServiceIntegrationTests.CONTRACT.replace("2026-03-02", "2026-03-11"));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("arrivalDate");
		assertThat(result).bodyJson().extractingPath("$.errors[0].detail").isEqualTo("must not be in the future");
		nothingStored();
	}

	@Test
	void namesAnUnknownProperty() {
		MvcTestResult result = post(CaseServiceIntegrationTests.CONTRACT.replace("\"email\": null",
				"\"email\": null, \"nationality\": \"invented\""));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("applicant.nationality");
		assertThat(result).bodyJson().extractingPath("$.errors[0].detail").isEqualTo("is not a known property");
		nothingStored();
	}

	@Test
	void namesAFieldOfTheWrongType() {
		MvcTestResult result = post(CaseServiceIntegrationTests.CONTRACT.replace("\"birthDate\": \"2019-05-01\"",
				"\"birthDate\": \"01/05/2019\""));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("household[0].birthDate");
		assertThat(result).bodyText().doesNotContain("01/05/2019");
		nothingStored();
	}

	@Test
	void answersMalformedJsonWithAProblem() {
		MvcTestResult result = post("{\"applicant\": {\"name\": \"Ana Prueba\"");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyText().doesNotContain("Ana Prueba");
		nothingStored();
	}

	@Test
	void answersAnUnknownCaseWithNotFound() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/cases/{id}", "no-such-case").exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:plazo:problem:not-found");
	}

	@Test
	void recordsAResolutionAndPublishesIt() {
		givenAnasCase();

		MvcTestResult result = postEvent("""
				{"type": "RESOLUTION_NOTIFIED", "resolutionId": "R-2026-0042", "outcome": "REJECTED",
				 "notifiedOn": "2026-02-13"}
				""");

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("org.plazo.case.resolution-notified.v1");
		assertThat(result).bodyJson().extractingPath("$.data.outcome").isEqualTo("REJECTED");
		assertThat(result.getResponse().getHeader("Location")).startsWith("/api/v1/cases/case-1/events/");
		then(this.cases).should().append(any(), any());
		then(this.relay).should().publishSoon("case-1");
	}

	@Test
	void namesAnUnknownEventType() {
		givenAnasCase();

		MvcTestResult result = postEvent("""
				{"type": "CASE_TELEPORTED", "on": "2026-02-13"}
				""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("type");
		assertThat(result).bodyJson().extractingPath("$.errors[0].detail").isEqualTo("is not a known type");
		nothingStored();
	}

	@Test
	void namesAMissingEventType() {
		givenAnasCase();

		MvcTestResult result = postEvent("""
				{"filedOn": "2026-02-13"}
				""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("type");
		assertThat(result).bodyJson().extractingPath("$.errors[0].detail").isEqualTo("is required");
		nothingStored();
	}

	@Test
	void namesEveryBadFieldOfAnEvent() {
		givenAnasCase();

		MvcTestResult result = postEvent("""
				{"type": "INTERVIEW_SCHEDULED", "kind": "FINAL", "date": "2025-12-01"}
				""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("interviewId", "kind", "date", "time");
		nothingStored();
	}

	@Test
	void namesAnUnknownPropertyOfAnEvent() {
		givenAnasCase();

		MvcTestResult result = postEvent("""
				{"type": "APPEAL_FILED", "filedOn": "2026-03-02", "court": "invented"}
				""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("court");
		nothingStored();
	}

	@Test
	void rejectsAFutureDateOfAnEvent() {
		givenAnasCase();

		MvcTestResult result = postEvent("""
				{"type": "APPLICATION_FILED", "filedOn": "2026-03-11"}
				""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("filedOn");
		assertThat(result).bodyJson().extractingPath("$.errors[0].detail").isEqualTo("must not be in the future");
		nothingStored();
	}

	@Test
	void answersAnEventForAnUnknownCaseWithNotFound() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/cases/{id}/events", "no-such-case")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"type": "APPLICATION_FILED", "filedOn": "2026-03-02"}
					""")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		nothingStored();
	}

	private void givenAnasCase() {
		given(this.cases.findById("case-1")).willReturn(Optional.of(Case.open("case-1", CaseTests.ANA,
				CaseTests.CONSENT, LocalDate.of(2026, 1, 5), CaseTests.HOUSEHOLD, TestClock.NOW)));
	}

	private MvcTestResult postEvent(String body) {
		return this.mvc.post()
			.uri("/api/v1/cases/{id}/events", "case-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult post(String body) {
		return this.mvc.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private void nothingStored() {
		then(this.cases).should(never()).save(any());
		then(this.cases).should(never()).append(any(), any());
		then(this.relay).should(never()).publishSoon(any());
	}

}
