package org.plazo.cases.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.cases.cases.CaseRecords;
import org.plazo.cases.cases.CaseRecords.CaseRecord;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may see and do what in the console, and how its forms refuse bad input.
 */
@WebMvcTest(
		controllers = { AtRiskController.class, TimelineController.class, DeliveriesController.class,
				CalendarPageController.class, AuditController.class, LoginController.class, ChartsController.class },
		properties = { "plazo.console.users[0].username=ana-operadora",
				"plazo.console.users[0].password-hash=$2a$10$.WL1Ldr7HCTFcrwK.fZqe.A5OQSFSaFwFEsI2WAVFjlEND7YKr5X6",
				"plazo.console.users[0].role=OPERATOR", "plazo.console.users[1].username=luis-lector",
				"plazo.console.users[1].password-hash=$2a$10$FE5U4KQX63499OBMs4WSmepAdBtCmDBgi7LGCcJawifJx21Jr2ksG",
				"plazo.console.users[1].role=VIEWER" })
@Import({ ConsoleSecurity.class, ConsoleSecurityTests.FixedClock.class })
class ConsoleSecurityTests {

	static final String CASE_ID = "8f0c2a1e-7b0d-4c59-9d55-1f1b6f0e9a01";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Operations operations;

	@MockitoBean
	CaseRecords cases;

	@MockitoBean
	ConsoleAudit audit;

	@BeforeEach
	void servicesAnswerWithNothing() {
		given(this.operations.upcoming(anyString())).willReturn(Fetched.of(List.of()));
		given(this.operations.missed(anyString())).willReturn(Fetched.of(List.of()));
		given(this.operations.notifications(anyString())).willReturn(Fetched.of(List.of()));
		given(this.operations.unacknowledged(anyString())).willReturn(Fetched.of(List.of()));
		given(this.operations.optedOutAtRisk()).willReturn(Fetched.of(List.of()));
		given(this.operations.deadlines(anyString())).willReturn(Fetched.of(List.of()));
		given(this.operations.reminders(anyString())).willReturn(Fetched.of(List.of()));
		given(this.operations.caseDeliveries(anyString()))
			.willReturn(Fetched.of(new Operations.CaseDeliveries(CASE_ID, null, null, null)));
		given(this.operations.nonBusinessDays(any(Integer.class))).willReturn(Fetched.of(List.of()));
		given(this.operations.webhookDeliveries(anyString())).willReturn(Fetched.of(List.of()));
		given(this.cases.find(CASE_ID)).willReturn(
				Optional.of(new CaseRecord(CASE_ID, "Ana Prueba", "es", "+50760001234", "ana.prueba@example.org", "SMS",
						LocalDate.parse("2027-01-04"), 1, Instant.parse("2027-05-12T15:00:00Z"), List.of())));
	}

	@Test
	void sendsWhoeverIsNotLoggedInToTheLoginPage() throws Exception {
		this.mvc.perform(get("/console"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/console/login"));
		this.mvc.perform(get("/console/cases/" + CASE_ID)).andExpect(status().is3xxRedirection());
		then(this.cases).should(never()).find(anyString());
	}

	@Test
	void servesTheLoginPageWithStrictSecurityHeaders() throws Exception {
		this.mvc.perform(get("/console/login").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Log in")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void logsInAUserFromTheConfigurationWithTheirBcryptHash() throws Exception {
		this.mvc.perform(formLogin("/console/login").user("ana-operadora").password("dev-operator-password"))
			.andExpect(redirectedUrl("/console"));
		this.mvc.perform(formLogin("/console/login").user("ana-operadora").password("wrong"))
			.andExpect(redirectedUrl("/console/login?error"));
	}

	@Test
	void speaksSpanishByDefaultAndEnglishWhenAsked() throws Exception {
		this.mvc.perform(get("/console").with(user("luis-lector").roles("VIEWER")).header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Plazos de los próximos 7 días")));
		this.mvc.perform(get("/console").with(user("luis-lector").roles("VIEWER")).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Deadlines in the next 7 days")));
	}

	@Test
	void refusesAViewerAnOperatorActionWith403AndChangesNothing() throws Exception {
		this.mvc
			.perform(post("/console/calendar/closures").with(user("luis-lector").roles("VIEWER"))
				.with(csrf())
				.param("date", "2027-05-19")
				.param("kind", "CLOSURE")
				.param("reason", "Cierre de prueba")
				.param("source", "Decreto de prueba"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/console/deliveries/notifications/r1:SMS/retry").with(user("luis-lector").roles("VIEWER"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		then(this.operations).should(never()).addClosure(any(), anyString(), anyString(), anyString());
		then(this.operations).should(never()).retryNotification(anyString(), anyString());
	}

	@Test
	void keepsTheAuditFromViewers() throws Exception {
		this.mvc.perform(get("/console/audit").with(user("luis-lector").roles("VIEWER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/audit").with(user("ana-operadora").roles("OPERATOR")))
			.andExpect(status().isOk());
	}

	@Test
	void refusesAnActionWithoutItsCsrfToken() throws Exception {
		this.mvc
			.perform(post("/console/deliveries/notifications/r1:SMS/retry")
				.with(user("ana-operadora").roles("OPERATOR")))
			.andExpect(status().isForbidden());
		then(this.operations).should(never()).retryNotification(anyString(), anyString());
	}

	@Test
	void masksPhoneAndEmailForAViewer() throws Exception {
		this.mvc.perform(get("/console/cases/" + CASE_ID).with(user("luis-lector").roles("VIEWER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ana Prueba")))
			.andExpect(content().string(containsString("+507 ••• •••34")))
			.andExpect(content().string(not(containsString("60001234"))))
			.andExpect(content().string(not(containsString("ana.prueba@example.org"))));
		this.mvc.perform(get("/console/cases/" + CASE_ID).with(user("ana-operadora").roles("OPERATOR")))
			.andExpect(content().string(containsString("+50760001234")))
			.andExpect(content().string(containsString("ana.prueba@example.org")));
	}

	@Test
	void showsEveryProblemOfABadClosureFormAndChangesNothing() throws Exception {
		this.mvc
			.perform(post("/console/calendar/closures").with(user("ana-operadora").roles("OPERATOR"))
				.with(csrf())
				.header("Accept-Language", "en")
				.param("date", "19/05/2027")
				.param("kind", "HOLIDAY")
				.param("reason", " ")
				.param("source", "x".repeat(201)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("date: must be a date, e.g. 2027-05-19")))
			.andExpect(content().string(containsString("kind: must be Closure or Observance")))
			.andExpect(content().string(containsString("reason: is required")))
			.andExpect(content().string(containsString("source: must be at most 200 characters")));
		then(this.operations).should(never()).addClosure(any(), anyString(), anyString(), anyString());
		then(this.audit).should(never()).record(any(), anyString(), anyString(), anyString());
	}

	@Test
	void showsTheProblemsDeadlineServiceFindsAndKeepsTheForm() throws Exception {
		given(this.operations.addClosure(any(), anyString(), anyString(), anyString())).willReturn(
				Outcome.invalid(List.of(new Outcome.FieldProblem("date", "must be in the years 2000 to 2100"))));
		this.mvc
			.perform(post("/console/calendar/closures").with(user("ana-operadora").roles("OPERATOR"))
				.with(csrf())
				.param("date", "2027-05-19")
				.param("kind", "CLOSURE")
				.param("reason", "Cierre de prueba")
				.param("source", "Decreto de prueba"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("must be in the years 2000 to 2100")))
			.andExpect(content().string(containsString("value=\"Cierre de prueba\"")));
	}

	@Test
	void addsAClosureForAnOperatorAndAuditsIt() throws Exception {
		given(this.operations.addClosure(any(), anyString(), anyString(), anyString())).willReturn(Outcome.OK);
		this.mvc
			.perform(post("/console/calendar/closures").with(user("ana-operadora").roles("OPERATOR"))
				.with(csrf())
				.param("date", "2027-05-19")
				.param("kind", "CLOSURE")
				.param("reason", "Cierre de prueba")
				.param("source", "Decreto de prueba"))
			.andExpect(redirectedUrl("/console/calendar?year=2027"));
		then(this.operations).should()
			.addClosure(LocalDate.parse("2027-05-19"), "CLOSURE", "Cierre de prueba", "Decreto de prueba");
		then(this.audit).should().record(any(Authentication.class), eq("closure.add"), eq("2027-05-19"), eq("OK"));
	}

	@Test
	void removesAClosureForAnOperatorAndAuditsIt() throws Exception {
		given(this.operations.removeClosure("c-2027-05-19")).willReturn(Outcome.OK);
		this.mvc
			.perform(
					post("/console/calendar/closures/c-2027-05-19/delete").with(user("ana-operadora").roles("OPERATOR"))
						.with(csrf())
						.param("year", "2027"))
			.andExpect(redirectedUrl("/console/calendar?year=2027"));
		then(this.audit).should().record(any(Authentication.class), eq("closure.remove"), eq("c-2027-05-19"), eq("OK"));
	}

	@Test
	void retriesADeliveryForAnOperatorAndAuditsIt() throws Exception {
		given(this.operations.retryNotification(anyString(), anyString())).willReturn(Outcome.OK);
		this.mvc
			.perform(
					post("/console/deliveries/notifications/r1:SMS/retry").with(user("ana-operadora").roles("OPERATOR"))
						.with(csrf())
						.param("returnTo", "/console/cases/" + CASE_ID))
			.andExpect(redirectedUrl("/console/cases/" + CASE_ID));
		then(this.operations).should().retryNotification("r1:SMS", "ana-operadora");
		then(this.audit).should().record(any(Authentication.class), eq("notification.retry"), eq("r1:SMS"), eq("OK"));
	}

	@Test
	void answersNotFoundForSomethingThatIsNotACaseId() throws Exception {
		this.mvc.perform(get("/console/cases/not a case").with(user("luis-lector").roles("VIEWER")))
			.andExpect(status().isNotFound());
		then(this.cases).should(never()).find(anyString());
	}

	@Test
	void saysWhichServiceIsUnreachableInsteadOfFailing() throws Exception {
		given(this.operations.upcoming(anyString())).willReturn(Fetched.unavailable());
		this.mvc.perform(get("/console").with(user("luis-lector").roles("VIEWER")).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("deadline-service is not answering")));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(Instant.parse("2027-05-12T15:00:00Z"), ZoneOffset.UTC);
		}

	}

}
