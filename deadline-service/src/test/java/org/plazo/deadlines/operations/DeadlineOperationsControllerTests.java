package org.plazo.deadlines.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.deadlines.operations.DeadlineOperations.UpcomingDeadline;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
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

@WebMvcTest(controllers = DeadlineOperationsController.class,
		properties = "plazo.operations.token=" + DeadlineOperationsControllerTests.TOKEN)
class DeadlineOperationsControllerTests {

	static final String TOKEN = "test-operations-token";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	DeadlineOperations operations;

	@Test
	void refusesARequestWithoutTheToken() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/deadlines/upcoming").exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(OperationsToken.HEADER);
		then(this.operations).shouldHaveNoInteractions();
	}

	@Test
	void refusesARequestWithAWrongToken() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/operations/reminders/due-per-day")
			.header(OperationsToken.HEADER, TOKEN + "x")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
		then(this.operations).shouldHaveNoInteractions();
	}

	@Test
	void listsUpcomingDeadlinesWithTheirTimeLeft() {
		Instant dueAt = Instant.parse("2026-09-03T21:00:00Z");
		given(this.operations.upcoming(Duration.ofDays(7))).willReturn(List.of(new UpcomingDeadline("case-1",
				"case-1:APPEAL", "APPEAL", LocalDate.of(2026, 9, 3), dueAt, 3600, "OPEN", "Ley 81 de 2023", true)));

		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/operations/deadlines/upcoming?within=P7D")
			.header(OperationsToken.HEADER, TOKEN)
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[0].caseId").isEqualTo("case-1");
		assertThat(result).bodyJson().extractingPath("$[0].dueDate").isEqualTo("2026-09-03");
		assertThat(result).bodyJson().extractingPath("$[0].dueAt").isEqualTo("2026-09-03T21:00:00Z");
		assertThat(result).bodyJson().extractingPath("$[0].timeLeftSeconds").asNumber().isEqualTo(3600);
		assertThat(result).bodyJson().extractingPath("$[0].critical").isEqualTo(true);
	}

	@Test
	void namesWithinWhenItIsNotADuration() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/operations/deadlines/upcoming?within=seven-days")
			.header(OperationsToken.HEADER, TOKEN)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("within");
		then(this.operations).should(never()).upcoming(any());
	}

	@Test
	void namesKindWhenItIsNotADeadlineKind() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/operations/deadlines/missed?kind=BIRTHDAY")
			.header(OperationsToken.HEADER, TOKEN)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("kind");
	}

	@Test
	void namesDaysWhenItIsOutOfRangeOrNotANumber() {
		MvcTestResult tooMany = this.mvc.get()
			.uri("/api/v1/operations/reminders/due-per-day?days=1000")
			.header(OperationsToken.HEADER, TOKEN)
			.exchange();
		MvcTestResult notANumber = this.mvc.get()
			.uri("/api/v1/operations/reminders/due-per-day?days=many")
			.header(OperationsToken.HEADER, TOKEN)
			.exchange();

		assertThat(tooMany).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(tooMany).bodyJson().extractingPath("$.errors[0].field").isEqualTo("days");
		assertThat(notANumber).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(notANumber).bodyJson().extractingPath("$.errors[0].field").isEqualTo("days");
	}

}
