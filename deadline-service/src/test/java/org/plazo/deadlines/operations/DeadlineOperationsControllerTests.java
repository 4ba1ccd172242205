package org.plazo.deadlines.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.operations.DeadlineOperations.UpcomingDeadline;
import org.plazo.deadlines.security.CaseAccess;
import org.plazo.deadlines.security.DeadlineSecurity;
import org.plazo.deadlines.support.TestTokens;
import org.plazo.deadlines.tracking.DeadlineTracking;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
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

@WebMvcTest(DeadlineOperationsController.class)
@Import({ DeadlineSecurity.class, TestTokens.AsOperator.class })
class DeadlineOperationsControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	DeadlineOperations operations;

	@MockitoBean
	DeadlineTracking tracking;

	@MockitoBean
	CaseAccess access;

	@BeforeEach
	void operatorsSeeEveryCase() {
		given(this.access.readable(any())).willAnswer((call) -> Optional.of(call.getArgument(0)));
		given(this.access.exportable(any())).willAnswer((call) -> Optional.of(call.getArgument(0)));
	}

	@Test
	void refusesARequestWithoutAToken() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/operations/deadlines/upcoming")
			.header(HttpHeaders.AUTHORIZATION, "")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:plazo:problem:unauthorized");
		then(this.operations).shouldHaveNoInteractions();
	}

	@Test
	void refusesATokenSignedWithAnotherKeyOrExpired() {
		MvcTestResult otherKey = this.mvc.get()
			.uri("/api/v1/operations/reminders/due-per-day")
			.header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer(TestTokens.signedWithAnotherKey("dev-operator", List.of("operator"))))
			.exchange();
		MvcTestResult expired = this.mvc.get()
			.uri("/api/v1/operations/reminders/due-per-day")
			.header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer(TestTokens.expired("dev-operator", List.of("operator"))))
			.exchange();

		assertThat(otherKey).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(otherKey).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(expired).hasStatus(HttpStatus.UNAUTHORIZED);
		then(this.operations).shouldHaveNoInteractions();
	}

	@Test
	void letsViewersReadButNotCaseworkers() {
		given(this.operations.duePerDay(60)).willReturn(List.of());

		MvcTestResult viewer = this.mvc.get()
			.uri("/api/v1/operations/reminders/due-per-day")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.viewer()))
			.exchange();
		MvcTestResult caseworker = this.mvc.get()
			.uri("/api/v1/operations/reminders/due-per-day")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.caseworker(TestTokens.ANA)))
			.exchange();

		assertThat(viewer).hasStatusOk();
		assertThat(caseworker).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(caseworker).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(caseworker).bodyJson().extractingPath("$.type").isEqualTo("urn:plazo:problem:forbidden");
	}

	@Test
	void exportsToOperatorsOnly() {
		MvcTestResult viewer = this.mvc.get()
			.uri("/api/v1/operations/cases/case-1/export")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.viewer()))
			.exchange();
		MvcTestResult unknown = this.mvc.get().uri("/api/v1/operations/cases/case-1/export").exchange();

		assertThat(viewer).hasStatus(HttpStatus.FORBIDDEN);
		then(this.tracking).should().export("case-1");
		assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(unknown).bodyJson().extractingPath("$.type").isEqualTo("urn:plazo:problem:not-found");
	}

	@Test
	void listsUpcomingDeadlinesWithTheirTimeLeft() {
		Instant dueAt = Instant.parse("2026-09-03T21:00:00Z");
		given(this.operations.upcoming(Duration.ofDays(7))).willReturn(List.of(new UpcomingDeadline("case-1",
				"case-1:APPEAL", "APPEAL", LocalDate.of(2026, 9, 3), dueAt, 3600, "OPEN", "Ley 81 de 2023", true)));

		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/deadlines/upcoming?within=P7D").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[0].caseId").isEqualTo("case-1");
		assertThat(result).bodyJson().extractingPath("$[0].dueDate").isEqualTo("2026-09-03");
		assertThat(result).bodyJson().extractingPath("$[0].dueAt").isEqualTo("2026-09-03T21:00:00Z");
		assertThat(result).bodyJson().extractingPath("$[0].timeLeftSeconds").asNumber().isEqualTo(3600);
		assertThat(result).bodyJson().extractingPath("$[0].critical").isEqualTo(true);
	}

	@Test
	void namesWithinWhenItIsNotADuration() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/deadlines/upcoming?within=seven-days").exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("within");
		then(this.operations).should(never()).upcoming(any());
	}

	@Test
	void namesKindWhenItIsNotADeadlineKind() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/deadlines/missed?kind=BIRTHDAY").exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("kind");
	}

	@Test
	void namesDaysWhenItIsOutOfRangeOrNotANumber() {
		MvcTestResult tooMany = this.mvc.get().uri("/api/v1/operations/reminders/due-per-day?days=1000").exchange();
		MvcTestResult notANumber = this.mvc.get().uri("/api/v1/operations/reminders/due-per-day?days=many").exchange();

		assertThat(tooMany).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(tooMany).bodyJson().extractingPath("$.errors[0].field").isEqualTo("days");
		assertThat(notANumber).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(notANumber).bodyJson().extractingPath("$.errors[0].field").isEqualTo("days");
	}

}
