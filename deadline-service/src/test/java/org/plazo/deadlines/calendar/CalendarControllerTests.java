package org.plazo.deadlines.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

@WebMvcTest(CalendarController.class)
@Import({ DeadlineSecurity.class, TestTokens.AsOperator.class })
class CalendarControllerTests {

	private static final Closure CARNIVAL_MONDAY = new Closure("c-1", LocalDate.of(2026, 2, 16), ClosureKind.CLOSURE,
			"Carnival Monday", "Decreto Ejecutivo 3 de 2026");

	private static final Closure ASH_WEDNESDAY = new Closure("c-2", LocalDate.of(2026, 2, 18), ClosureKind.CLOSURE,
			"Ash Wednesday", "Decreto Ejecutivo 3 de 2026");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	CalendarManagement calendars;

	@BeforeEach
	void carnivalClosuresOf2026() {
		List<Closure> closures = List.of(CARNIVAL_MONDAY, ASH_WEDNESDAY);
		given(this.calendars.closures()).willReturn(closures);
		given(this.calendars.current())
			.willReturn(BusinessCalendar.withOperatorDays(closures.stream().map(Closure::asDay).toList()));
	}

	@Test
	void listsEveryNonBusinessWeekdayOfAYearWithKindReasonAndSource() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/calendar/2026").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.year").asNumber().isEqualTo(2026);
		assertThat(result).bodyJson()
			.extractingPath("$.days[*].date")
			.asArray()
			.containsExactly("2026-01-01", "2026-01-09", "2026-02-16", "2026-02-17", "2026-02-18", "2026-04-03",
					"2026-05-01", "2026-11-03", "2026-11-05", "2026-11-10", "2026-12-08", "2026-12-21", "2026-12-25");
		assertThat(result).bodyJson().extractingPath("$.days[3].kind").isEqualTo("statutory");
		assertThat(result).bodyJson().extractingPath("$.days[3].reason").isEqualTo("Carnival Tuesday");
		assertThat(result).bodyJson().extractingPath("$.days[3].source").isEqualTo("Código de Trabajo, art. 46");
		assertThat(result).bodyJson().extractingPath("$.days[2].kind").isEqualTo("closure");
		assertThat(result).bodyJson().extractingPath("$.days[2].source").isEqualTo("Decreto Ejecutivo 3 de 2026");
		assertThat(result).bodyJson().extractingPath("$.days[2].closureId").isEqualTo("c-1");
		assertThat(result).bodyJson().extractingPath("$.days[11].kind").isEqualTo("substitute");
	}

	@Test
	void rejectsAYearOutsideTheCalendar() {
		assertInvalid(this.mvc.get().uri("/api/v1/calendar/1999").exchange(), "year");
		assertInvalid(this.mvc.get().uri("/api/v1/calendar/2101").exchange(), "year");
		assertInvalid(this.mvc.get().uri("/api/v1/calendar/next").exchange(), "year");
	}

	@Test
	void addsBusinessDaysFromTheDayAfterAndShowsWhatWasSkipped() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/calendar/business-days?from=2026-02-13&add=5").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.from").isEqualTo("2026-02-13");
		assertThat(result).bodyJson().extractingPath("$.add").asNumber().isEqualTo(5);
		assertThat(result).bodyJson().extractingPath("$.date").isEqualTo("2026-02-23");
		assertThat(result).bodyJson().extractingPath("$.skipped[*].date").asArray().containsExactly("2026-02-17");
		assertThat(result).bodyJson().extractingPath("$.skipped[0].reason").isEqualTo("Carnival Tuesday");
		assertThat(result).bodyJson().extractingPath("$.dateIfClosuresCount").isEqualTo("2026-02-25");
		assertThat(result).bodyJson()
			.extractingPath("$.closuresCounted[*].date")
			.asArray()
			.containsExactly("2026-02-16", "2026-02-18");
	}

	@Test
	void addingZeroBusinessDaysReturnsFromItself() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/calendar/business-days?from=2026-02-14&add=0").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.date").isEqualTo("2026-02-14");
	}

	@Test
	void rejectsAnAddOutsideZeroTo400() {
		assertInvalid(this.mvc.get().uri("/api/v1/calendar/business-days?from=2026-02-13&add=401").exchange(), "add");
		assertInvalid(this.mvc.get().uri("/api/v1/calendar/business-days?from=2026-02-13&add=-1").exchange(), "add");
	}

	@Test
	void rejectsAnImpossibleOrMissingFromDate() {
		assertInvalid(this.mvc.get().uri("/api/v1/calendar/business-days?from=2026-02-30&add=5").exchange(), "from");
		assertInvalid(this.mvc.get().uri("/api/v1/calendar/business-days?add=5").exchange(), "from");
		assertInvalid(this.mvc.get().uri("/api/v1/calendar/business-days?from=1999-12-31&add=5").exchange(), "from");
	}

	@Test
	void addsAClosureWithItsSource() {
		given(this.calendars.add(any(), any(), any(), any())).willReturn(CARNIVAL_MONDAY);

		MvcTestResult result = post("""
				{"date": "2026-02-16", "kind": "CLOSURE", "reason": "Carnival Monday",
				 "source": "Decreto Ejecutivo 3 de 2026"}
				""");

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/calendar/closures/c-1");
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo("c-1");
		assertThat(result).bodyJson().extractingPath("$.kind").isEqualTo("closure");
		then(this.calendars).should()
			.add(LocalDate.of(2026, 2, 16), ClosureKind.CLOSURE, "Carnival Monday", "Decreto Ejecutivo 3 de 2026");
	}

	@Test
	void acceptsTheKindInLowerCase() {
		given(this.calendars.add(any(), any(), any(), any())).willReturn(CARNIVAL_MONDAY);

		MvcTestResult result = post("""
				{"date": "2026-11-04", "kind": "observance", "reason": "Flag Day", "source": "Custom"}
				""");

		assertThat(result).hasStatus(HttpStatus.CREATED);
		then(this.calendars).should().add(LocalDate.of(2026, 11, 4), ClosureKind.OBSERVANCE, "Flag Day", "Custom");
	}

	@Test
	void namesEveryMissingFieldOfAClosure() {
		MvcTestResult result = post("{}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("date", "kind", "reason", "source");
		then(this.calendars).should(never()).add(any(), any(), any(), any());
	}

	@Test
	void rejectsAnUnknownKindAnImpossibleDateAndAnUnknownProperty() {
		assertInvalid(post("""
				{"date": "2026-02-16", "kind": "HOLIDAY", "reason": "Carnival Monday", "source": "Decreto"}
				"""), "kind");
		assertInvalid(post("""
				{"date": "2026-02-30", "kind": "CLOSURE", "reason": "Carnival Monday", "source": "Decreto"}
				"""), "date");
		assertInvalid(post("""
				{"date": "2026-02-16", "kind": "CLOSURE", "reason": "Carnival Monday", "source": "Decreto",
				 "colour": "red"}
				"""), "colour");
		then(this.calendars).should(never()).add(any(), any(), any(), any());
	}

	@Test
	void deletesAClosureOrSaysItIsNotThere() {
		given(this.calendars.remove("c-1")).willReturn(true);

		assertThat(this.mvc.delete().uri("/api/v1/calendar/closures/c-1").exchange()).hasStatus(HttpStatus.NO_CONTENT);
		MvcTestResult missing = this.mvc.delete().uri("/api/v1/calendar/closures/nope").exchange();
		assertThat(missing).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(missing).bodyJson().extractingPath("$.type").isEqualTo("urn:plazo:problem:not-found");
	}

	@Test
	void listsTheClosures() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/calendar/closures").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[*].id").asArray().containsExactly("c-1", "c-2");
	}

	private MvcTestResult post(String body) {
		return this.mvc.post()
			.uri("/api/v1/calendar/closures")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	static void assertInvalid(MvcTestResult result, String field) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:plazo:problem:invalid-request");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
	}

}
