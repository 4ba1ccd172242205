package org.plazo.notify.operations;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.notify.operations.WebhookOperations.EndpointHealth;
import org.plazo.notify.security.NotifySecurity;
import org.plazo.notify.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

@WebMvcTest(controllers = WebhookOperationsController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "org\\.plazo\\.notify\\.(?!operations).*"))
@Import({ NotifySecurity.class, TestTokens.AsOperator.class })
class WebhookOperationsControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	WebhookOperations operations;

	@Test
	void refusesWithoutATokenAndCaseworkers() {
		MvcTestResult none = this.mvc.get()
			.uri("/api/v1/operations/webhooks/endpoints")
			.header(HttpHeaders.AUTHORIZATION, "")
			.exchange();
		MvcTestResult caseworker = this.mvc.get()
			.uri("/api/v1/operations/webhooks/endpoints")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.caseworker(TestTokens.ANA)))
			.exchange();

		assertThat(none).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(none).bodyJson().extractingPath("$.type").isEqualTo("urn:plazo:problem:unauthorized");
		assertThat(caseworker).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(caseworker).bodyJson().extractingPath("$.type").isEqualTo("urn:plazo:problem:forbidden");
		then(this.operations).shouldHaveNoInteractions();
	}

	@Test
	void showsEndpointHealthWithTheHostOnly() {
		given(this.operations.endpoints()).willReturn(List
			.of(new EndpointHealth("ngo-1", "ep-1", "hooks.ong.example.org", 0.75, 4, null, null, false, null, null)));

		MvcTestResult result = this.mvc.get().uri("/api/v1/operations/webhooks/endpoints").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[0].endpointHost").isEqualTo("hooks.ong.example.org");
		assertThat(result).bodyJson().extractingPath("$[0].successRate30d").asNumber().isEqualTo(0.75);
	}

	@Test
	void namesTheParameterThatIsWrong() {
		MvcTestResult status = this.mvc.get().uri("/api/v1/operations/webhooks/deliveries?status=LOST").exchange();
		MvcTestResult days = this.mvc.get().uri("/api/v1/operations/stats/webhook-latency?days=-1").exchange();

		assertThat(status).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(status).bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");
		assertThat(days).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(days).bodyJson().extractingPath("$.errors[0].field").isEqualTo("days");
	}

}
