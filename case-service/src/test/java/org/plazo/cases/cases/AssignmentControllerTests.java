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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;

@WebMvcTest(AssignmentController.class)
@Import({ CaseManagement.class, CaseAccess.class, ApiSecurity.class, OperatorByDefault.class, TestClock.class })
class AssignmentControllerTests {

	static final String ASSIGNMENT = """
			{"ngoId": "ngo-1",
			 "consent": {"sharedData": ["PROCEDURAL_EVENTS", "CONTACT_DETAILS"], "givenAt": "2026-03-10T09:30:00-05:00",
			             "obtainedBy": "caseworker-17", "noticeVersion": "2026-03"}}
			""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Cases cases;

	@MockitoBean
	OutboxRelay relay;

	@MockitoBean
	CaseMetrics metrics;

	@Test
	void linksACaseToAnOrganisationWithTheConsentRecorded() {
		givenAnasCase();

		MvcTestResult result = post(ASSIGNMENT);

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result).bodyJson().extractingPath("$.ngoId").isEqualTo("ngo-1");
		assertThat(result).bodyJson().extractingPath("$.active").isEqualTo(true);
		assertThat(result).bodyJson()
			.extractingPath("$.consent.sharedData")
			.asArray()
			.containsExactly("PROCEDURAL_EVENTS", "CONTACT_DETAILS");
		assertThat(result).bodyJson().extractingPath("$.consent.givenAt").isEqualTo("2026-03-10T14:30:00Z");
		assertThat(result).bodyJson().extractingPath("$.consent.obtainedBy").isEqualTo("caseworker-17");
		assertThat(result).bodyJson().extractingPath("$.consent.noticeVersion").isEqualTo("2026-03");
		assertThat(result.getResponse().getHeader("Location")).startsWith("/api/v1/cases/case-1/assignments/");
		then(this.cases).should().assign(any(), any());
		then(this.relay).should().publishSoon("case-1");
	}

	@Test
	void namesEveryBadFieldOfALink() {
		givenAnasCase();

		MvcTestResult result = post("""
				{"ngoId": "ngo 1!",
				 "consent": {"sharedData": ["PROCEDURAL_EVENTS", "HEALTH", "PROCEDURAL_EVENTS"],
				             "givenAt": "2026-03-11T09:30:00-05:00", "obtainedBy": "", "noticeVersion": null}}
				""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("ngoId", "consent.sharedData[1]", "consent.sharedData[2]", "consent.givenAt",
					"consent.obtainedBy", "consent.noticeVersion");
		assertThat(result).bodyText().doesNotContain("HEALTH", "ngo 1!");
		nothingStored();
	}

	@Test
	void refusesALinkWithoutAnyCategoryOfData() {
		givenAnasCase();

		MvcTestResult result = post(ASSIGNMENT.replace("\"PROCEDURAL_EVENTS\", \"CONTACT_DETAILS\"", ""));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("consent.sharedData");
		nothingStored();
	}

	@Test
	void namesAConsentTimeWithoutItsOffset() {
		givenAnasCase();

		MvcTestResult result = post(ASSIGNMENT.replace("2026-03-10T09:30:00-05:00", "10/03/2026"));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("consent.givenAt");
		nothingStored();
	}

	@Test
	void answersASecondLinkToTheSameOrganisationWithConflict() {
		givenAnasCase();
		willThrow(new AlreadyAssignedException()).given(this.cases).assign(any(), any());

		MvcTestResult result = post(ASSIGNMENT);

		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("ngoId");
		then(this.relay).should(never()).publishSoon(any());
	}

	@Test
	void answersALinkOfAnUnknownCaseWithNotFound() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/cases/{id}/assignments", "no-such-case")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ASSIGNMENT)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		nothingStored();
	}

	@Test
	void listsAndRevokesLinks() {
		Case aCase = anasCase();
		aCase.assign("assignment-1", "ngo-1", AssignmentTests.CONSENT, TestClock.NOW);
		given(this.cases.findById("case-1")).willReturn(Optional.of(aCase));
		given(this.cases.revoke(any(), any())).willReturn(true);

		assertThat(this.mvc.get().uri("/api/v1/cases/case-1/assignments")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].assignmentId")
			.isEqualTo("assignment-1");
		assertThat(this.mvc.delete().uri("/api/v1/cases/case-1/assignments/assignment-1"))
			.hasStatus(HttpStatus.NO_CONTENT);
		then(this.cases).should().revoke(eq(aCase), any());
		then(this.relay).should().publishSoon("case-1");
		assertThat(this.mvc.delete().uri("/api/v1/cases/case-1/assignments/no-such-assignment"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/cases/case-1/assignments/no-such-assignment"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	private Case anasCase() {
		return Case.open("case-1", CaseTests.ANA, CaseTests.CONSENT, LocalDate.of(2026, 1, 5), CaseTests.HOUSEHOLD,
				TestClock.NOW);
	}

	private void givenAnasCase() {
		given(this.cases.findById("case-1")).willReturn(Optional.of(anasCase()));
	}

	private MvcTestResult post(String body) {
		return this.mvc.post()
			.uri("/api/v1/cases/{id}/assignments", "case-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private void nothingStored() {
		then(this.cases).should(never()).assign(any(), any());
		then(this.relay).should(never()).publishSoon(any());
	}

}
