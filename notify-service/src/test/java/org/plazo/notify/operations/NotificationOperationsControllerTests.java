package org.plazo.notify.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.notify.operations.NotificationOperations.NotificationView;
import org.plazo.notify.operations.OperationsProblems.Conflict;
import org.plazo.notify.security.NotifySecurity;
import org.plazo.notify.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

// Only the operations package: other features' web components have their own tests.
@WebMvcTest(controllers = NotificationOperationsController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "org\\.plazo\\.notify\\.(?!operations).*"))
@Import({ NotifySecurity.class, TestTokens.AsOperator.class })
class NotificationOperationsControllerTests {

	static final NotificationView FAILED_APPEAL = new NotificationView("case-1:APPEAL:remind:1:SMS", "case-1",
			"case-1:APPEAL:remind:1", "case-1:APPEAL", "APPEAL", LocalDate.of(2026, 9, 3), "SMS", "twilio", "FAILED", 2,
			"UNDELIVERED", "30003", null, null, "PENDING", true, Instant.parse("2026-09-01T15:00:00Z"),
			Instant.parse("2026-09-01T15:05:00Z"));

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	NotificationOperations operations;

	@MockitoBean
	DeadLetterReader deadLetters;

	@Test
	void refusesEveryOperationWithoutAToken() {
		MvcTestResult list = this.mvc.get()
			.uri("/api/v1/operations/notifications?status=FAILED")
			.header(HttpHeaders.AUTHORIZATION, "")
			.exchange();
		MvcTestResult retry = this.mvc.post()
			.uri("/api/v1/operations/notifications/n-1/retry")
			.header(HttpHeaders.AUTHORIZATION, "")
			.header(Parameters.ACTOR_HEADER, "op.maria")
			.exchange();
		MvcTestResult expired = this.mvc.get()
			.uri("/api/v1/operations/notifications?status=FAILED")
			.header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer(TestTokens.expired("dev-operator", List.of("operator"))))
			.exchange();

		assertThat(list).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(list).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(retry).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(expired).hasStatus(HttpStatus.UNAUTHORIZED);
		then(this.operations).shouldHaveNoInteractions();
	}

	@Test
	void refusesCaseworkersAndLetsViewersReadButNotRetry() {
		MvcTestResult caseworker = this.mvc.get()
			.uri("/api/v1/operations/cases/case-1/notifications")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.caseworker(TestTokens.ANA)))
			.exchange();
		MvcTestResult viewerRetry = this.mvc.post()
			.uri("/api/v1/operations/notifications/n-1/retry")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.viewer()))
			.exchange();
		MvcTestResult viewerReads = this.mvc.get()
			.uri("/api/v1/operations/at-risk/opted-out")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.viewer()))
			.exchange();

		assertThat(caseworker).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(caseworker).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(viewerRetry).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(viewerReads).hasStatusOk();
		then(this.operations).should(never()).retry(any(), any(), any());
		then(this.operations).should(never()).ofCase(any());
	}

	@Test
	void listsFailedNotificationsWithCodesOnly() {
		given(this.operations.inStatus("FAILED", null, true, 200)).willReturn(List.of(FAILED_APPEAL));

		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/operations/notifications?status=FAILED&critical=true")
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[0].notificationId").isEqualTo("case-1:APPEAL:remind:1:SMS");
		assertThat(result).bodyJson().extractingPath("$[0].deadlineKind").isEqualTo("APPEAL");
		assertThat(result).bodyJson().extractingPath("$[0].failureReason").isEqualTo("UNDELIVERED");
		assertThat(result).bodyJson().extractingPath("$[0].critical").isEqualTo(true);
		assertThat(result).bodyJson().extractingPath("$[0].updatedAt").isEqualTo("2026-09-01T15:05:00Z");
	}

	@Test
	void listsSmsWithoutReceiptForSixHours() {
		given(this.operations.unacknowledged(Duration.ofHours(6), false, 200)).willReturn(List.of());

		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/notifications?unacknowledgedFor=PT6H").exchange();

		assertThat(result).hasStatusOk();
		then(this.operations).should().unacknowledged(Duration.ofHours(6), false, 200);
	}

	@Test
	void namesTheParameterThatIsWrong() {
		assertBadRequestNaming("/api/v1/operations/notifications?status=LOST", "status");
		assertBadRequestNaming("/api/v1/operations/notifications?reason=BAD_LUCK", "reason");
		assertBadRequestNaming("/api/v1/operations/notifications?unacknowledgedFor=6h", "unacknowledgedFor");
		assertBadRequestNaming("/api/v1/operations/notifications?unacknowledgedFor=PT6H&status=FAILED", "status");
		assertBadRequestNaming("/api/v1/operations/notifications?limit=0", "limit");
		assertBadRequestNaming("/api/v1/operations/notifications?critical=maybe", "critical");
		assertBadRequestNaming("/api/v1/operations/notifications?limit=all", "limit");
		assertBadRequestNaming("/api/v1/operations/stats/deliveries?days=400", "days");
		assertBadRequestNaming("/api/v1/operations/notifications/dead-letters?limit=5000", "limit");
		then(this.operations).should(never()).inStatus(any(), any(), anyBoolean(), anyInt());
	}

	@Test
	void retriesAFailedNotificationForTheTokensSubjectOnBehalfOfTheNamedOperator() {
		given(this.operations.retry("case-1:APPEAL:remind:1:SMS", "dev-operator", "op.maria"))
			.willReturn(new NotificationOperations.RetryAccepted("case-1:APPEAL:remind:1:SMS", "case-1", "DEFERRED",
					Instant.parse("2026-09-01T15:05:00Z"), "dev-operator", "op.maria"));

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/operations/notifications/case-1:APPEAL:remind:1:SMS/retry")
			.header(Parameters.ACTOR_HEADER, "op.maria")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("DEFERRED");
		assertThat(result).bodyJson().extractingPath("$.actor").isEqualTo("dev-operator");
		assertThat(result).bodyJson().extractingPath("$.onBehalfOf").isEqualTo("op.maria");
	}

	@Test
	void retriesWithoutAnActorHeaderAsTheTokensSubjectAndRefusesAMalformedOne() {
		this.mvc.post().uri("/api/v1/operations/notifications/n-1/retry").exchange();
		MvcTestResult malformed = this.mvc.post()
			.uri("/api/v1/operations/notifications/n-2/retry")
			.header(Parameters.ACTOR_HEADER, "op maria <script>")
			.exchange();

		then(this.operations).should().retry("n-1", "dev-operator", null);
		assertThat(malformed).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(malformed).bodyJson().extractingPath("$.errors[0].field").isEqualTo(Parameters.ACTOR_HEADER);
		then(this.operations).should(never()).retry(eq("n-2"), any(), any());
	}

	@Test
	void answersConflictWhenTheNotificationIsNotRetryable() {
		given(this.operations.retry("n-1", "dev-operator", "op.maria"))
			.willThrow(new Conflict("Only a failed notification can be retried; this one is SENT.", "SENT"));

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/operations/notifications/n-1/retry")
			.header(Parameters.ACTOR_HEADER, "op.maria")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private void assertBadRequestNaming(String uri, String field) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
	}

}
