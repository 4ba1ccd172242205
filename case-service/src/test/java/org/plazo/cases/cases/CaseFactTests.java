package org.plazo.cases.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plazo.cases.cases.CaseFact.AppealDecision;
import org.plazo.cases.cases.CaseFact.AppealFiling;
import org.plazo.cases.cases.CaseFact.ApplicationFiling;
import org.plazo.cases.cases.CaseFact.ArrivalDateCorrection;
import org.plazo.cases.cases.CaseFact.CertificateIssue;
import org.plazo.cases.cases.CaseFact.Closing;
import org.plazo.cases.cases.CaseFact.InterviewScheduling;
import org.plazo.cases.cases.CaseFact.ProvisionalCardIssue;
import org.plazo.cases.cases.CaseFact.ReconsiderationDecision;
import org.plazo.cases.cases.CaseFact.ReconsiderationFiling;
import org.plazo.cases.cases.CaseFact.RefugeeCardIssue;
import org.plazo.cases.cases.CaseFact.RefugeeStatusGrant;
import org.plazo.cases.cases.CaseFact.ResolutionNotice;
import org.plazo.events.EventCatalog;
import org.plazo.events.cases.ArrivalDateCorrected;
import org.plazo.events.cases.ResolutionNotified;
import org.plazo.events.cases.ResolutionOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CaseFactTests {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	static final LocalDate ARRIVAL = LocalDate.of(2026, 1, 5);

	static final Case ANAS_CASE = Case.open("case-1", CaseTests.ANA, CaseTests.CONSENT, ARRIVAL, CaseTests.HOUSEHOLD,
			Instant.parse("2026-01-06T15:00:00Z"));

	static Stream<CaseFact> validFacts() {
		LocalDate day = LocalDate.of(2026, 2, 13);
		return Stream.of(new ApplicationFiling(day), new CertificateIssue(day, LocalDate.of(2026, 8, 13)),
				new InterviewScheduling("interview-1", "REGISTRATION", LocalDate.of(2026, 4, 14), LocalTime.of(9, 30)),
				new ProvisionalCardIssue("applicant", day, null), new ProvisionalCardIssue("member-1", day, null),
				new RefugeeStatusGrant(day), new RefugeeCardIssue(day, LocalDate.of(2027, 2, 13)),
				new ResolutionNotice("R-2026-0042", "REJECTED", day), new ReconsiderationFiling(day),
				new ReconsiderationDecision("DENIED", day), new AppealFiling(day), new AppealDecision("GRANTED", day),
				new ArrivalDateCorrection(LocalDate.of(2026, 1, 4)), new Closing("WITHDRAWN", TODAY));
	}

	@ParameterizedTest
	@MethodSource("validFacts")
	void acceptsAValidFactAndTurnsItIntoItsEvent(CaseFact fact) {
		assertThat(fields(fact)).isEmpty();
		assertThat(EventCatalog.of(fact.toEvent("case-1")).topic()).isEqualTo("plazo.case-events.v1");
	}

	@Test
	void everyRequestTypeBecomesTheEventOfTheSameName() {
		JsonSubTypes subTypes = CaseFact.class.getAnnotation(JsonSubTypes.class);
		assertThat(subTypes.value()).hasSize(13);
		for (JsonSubTypes.Type type : subTypes.value()) {
			CaseFact sample = validFacts().filter((fact) -> fact.getClass() == type.value()).findFirst().orElseThrow();
			String expected = "org.plazo.case."
					+ (type.name().equals("CASE_CLOSED") ? "closed" : type.name().toLowerCase().replace('_', '-'))
					+ ".v1";
			assertThat(EventCatalog.of(sample.toEvent("case-1")).name()).as(type.name()).isEqualTo(expected);
		}
	}

	@Test
	void namesEveryMissingField() {
		assertThat(fields(new InterviewScheduling(null, null, null, null))).containsExactly("interviewId", "kind",
				"date", "time");
		assertThat(fields(new ResolutionNotice(null, null, null))).containsExactly("resolutionId", "outcome",
				"notifiedOn");
		assertThat(fields(new ProvisionalCardIssue(null, null, null))).containsExactly("memberRef", "issuedOn");
	}

	@Test
	void rejectsDatesInTheFutureBeforeArrivalOrBefore1990() {
		assertThat(fields(new ApplicationFiling(TODAY.plusDays(1)))).containsExactly("filedOn");
		assertThat(fields(new ApplicationFiling(ARRIVAL.minusDays(1)))).containsExactly("filedOn");
		assertThat(fields(new ArrivalDateCorrection(LocalDate.of(1989, 12, 31)))).containsExactly("arrivalDate");
		assertThat(fields(new ArrivalDateCorrection(TODAY.plusDays(1)))).containsExactly("arrivalDate");
		assertThat(fields(new ApplicationFiling(TODAY))).isEmpty();
		assertThat(fields(new ApplicationFiling(ARRIVAL))).isEmpty();
	}

	@Test
	void letsOnlyInterviewsAndExpiriesLieAhead() {
		LocalDate nextMonth = TODAY.plusMonths(1);
		assertThat(fields(new InterviewScheduling("interview-1", "EXTENSION", nextMonth, LocalTime.NOON))).isEmpty();
		assertThat(fields(new InterviewScheduling("interview-1", "EXTENSION", ARRIVAL.minusDays(1), LocalTime.NOON)))
			.containsExactly("date");
		assertThat(fields(new CertificateIssue(TODAY, nextMonth))).isEmpty();
		assertThat(fields(new RefugeeCardIssue(nextMonth, null))).containsExactly("issuedOn");
	}

	@Test
	void wantsAnExpiryAfterTheDayOfIssue() {
		assertThat(fields(new ProvisionalCardIssue("applicant", TODAY, TODAY))).containsExactly("expiresOn");
		assertThat(fields(new CertificateIssue(TODAY, TODAY.minusDays(1)))).containsExactly("validUntil");
	}

	@Test
	void issuesProvisionalCardsOnlyToPeopleOfTheCase() {
		assertThat(fields(new ProvisionalCardIssue("member-2", TODAY, null))).containsExactly("memberRef");
		assertThat(fields(new ProvisionalCardIssue("Luis Prueba", TODAY, null))).containsExactly("memberRef");
	}

	@Test
	void rejectsChoicesOutsideTheirLists() {
		assertThat(fields(new ResolutionNotice("R-1", "MAYBE", TODAY))).containsExactly("outcome");
		assertThat(fields(new AppealDecision("granted", TODAY))).containsExactly("outcome");
		assertThat(fields(new Closing("BORED", TODAY))).containsExactly("reason");
		assertThat(fields(new InterviewScheduling("i-1", "FINAL", TODAY, LocalTime.NOON))).containsExactly("kind");
	}

	@Test
	void recordingAFactAddsItsEventToTheHistoryAndTheOutbox() {
		Case aCase = Case.open("case-2", CaseTests.ANA, CaseTests.CONSENT, ARRIVAL, List.of(),
				Instant.parse("2026-01-06T15:00:00Z"));
		Instant now = Instant.parse("2026-03-10T15:00:00Z");

		aCase.record(new ResolutionNotified("case-2", "R-1", ResolutionOutcome.REJECTED, TODAY), now);

		assertThat(aCase.facts()).extracting((event) -> event.type())
			.containsExactly("org.plazo.case.opened.v1", "org.plazo.case.resolution-notified.v1");
		assertThat(aCase.pendingEvents()).containsAll(aCase.facts());
		assertThat(aCase.pendingEvents().get(aCase.pendingEvents().size() - 1)).isEqualTo(aCase.facts().get(1));
		assertThat(aCase.facts().get(1).recordedAt()).isEqualTo(now);
	}

	@Test
	void correctingTheArrivalDateMovesIt() {
		Case aCase = Case.open("case-3", CaseTests.ANA, CaseTests.CONSENT, ARRIVAL, List.of(),
				Instant.parse("2026-01-06T15:00:00Z"));

		aCase.record(new ArrivalDateCorrected("case-3", LocalDate.of(2026, 1, 2)),
				Instant.parse("2026-03-10T15:00:00Z"));

		assertThat(aCase.arrivalDate()).isEqualTo(LocalDate.of(2026, 1, 2));
	}

	private static List<String> fields(CaseFact fact) {
		Checks checks = new Checks(TODAY);
		fact.check(checks, ANAS_CASE);
		InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class, checks::throwIfAny);
		return (ex != null) ? ex.problems().stream().map(FieldProblem::field).toList() : List.of();
	}

}
