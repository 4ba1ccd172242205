package org.plazo.cases.cases;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.cases.cases.OpenCase.ApplicantDetails;
import org.plazo.cases.cases.OpenCase.MemberDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenCaseTests {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	static final ApplicantDetails ANA = new ApplicantDetails("Ana Prueba", "es", "+50760001234", null, "SMS", true,
			"2026-11");

	static final MemberDetails LUIS = new MemberDetails("Luis Prueba", "CHILD", LocalDate.of(2019, 5, 1));

	@Test
	void acceptsTheContractExample() {
		assertThatNoException().isThrownBy(() -> check(new OpenCase(ANA, LocalDate.of(2026, 3, 2), List.of(LUIS))));
	}

	@Test
	void acceptsAPersonAloneReachedByEmail() {
		ApplicantDetails byEmail = new ApplicantDetails("Ana Prueba", "ht", null, "ana.prueba@example.org", "EMAIL",
				true, "2026-11");
		assertThatNoException().isThrownBy(() -> check(new OpenCase(byEmail, TODAY, null)));
	}

	@Test
	void namesEveryMissingField() {
		ApplicantDetails empty = new ApplicantDetails(null, null, null, null, null, null, null);
		assertThat(fields(new OpenCase(empty, null, List.of(new MemberDetails(null, null, null))))).containsExactly(
				"applicant.name", "applicant.preferredLanguage", "applicant.preferredChannel",
				"applicant.consentToContact", "arrivalDate", "household[0].name", "household[0].relationship");
	}

	@Test
	void rejectsAPhoneThatIsNotE164OrNotANumber() {
		for (String phone : List.of("60001234", "+507 6000 1234", "+5070000", "+50760001234567")) {
			ApplicantDetails applicant = new ApplicantDetails("Ana Prueba", "es", phone, null, "SMS", true, "2026-11");
			assertThat(fields(new OpenCase(applicant, TODAY, null))).as(phone).containsExactly("applicant.phone");
		}
	}

	@Test
	void rejectsAMalformedEmail() {
		ApplicantDetails applicant = new ApplicantDetails("Ana Prueba", "es", "+50760001234", "luis.prueba@", "SMS",
				true, "2026-11");
		assertThat(fields(new OpenCase(applicant, TODAY, null))).containsExactly("applicant.email");
	}

	@Test
	void requiresTheAddressOfTheChosenChannel() {
		ApplicantDetails sms = new ApplicantDetails("Ana Prueba", "es", null, "ana.prueba@example.org", "SMS", true,
				"2026-11");
		ApplicantDetails email = new ApplicantDetails("Ana Prueba", "es", "+50760001234", null, "EMAIL", true,
				"2026-11");
		assertThat(fields(new OpenCase(sms, TODAY, null))).containsExactly("applicant.phone");
		assertThat(fields(new OpenCase(email, TODAY, null))).containsExactly("applicant.email");
	}

	@Test
	void rejectsALanguageAndChannelOutsideTheLists() {
		ApplicantDetails applicant = new ApplicantDetails("Ana Prueba", "de", "+50760001234", null, "FAX", true,
				"2026-11");
		assertThat(fields(new OpenCase(applicant, TODAY, null))).containsExactly("applicant.preferredLanguage",
				"applicant.preferredChannel");
	}

	@Test
	void refusesACaseWithoutConsentAndSaysWhy() {
		ApplicantDetails applicant = new ApplicantDetails("Ana Prueba", "es", "+50760001234", null, "SMS", false,
				"2026-11");
		List<FieldProblem> problems = problems(new OpenCase(applicant, TODAY, null));
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("applicant.consentToContact");
			assertThat(problem.detail()).contains("agreed to be contacted");
		});
	}

	@Test
	void acceptsAnArrivalTodayInPanamaButNotTomorrow() {
		assertThat(fields(new OpenCase(ANA, TODAY, null))).isEmpty();
		assertThat(fields(new OpenCase(ANA, TODAY.plusDays(1), null))).containsExactly("arrivalDate");
	}

	@Test
	void rejectsAnArrivalBefore1990() {
		assertThat(fields(new OpenCase(ANA, LocalDate.of(1989, 12, 31), null))).containsExactly("arrivalDate");
		assertThat(fields(new OpenCase(ANA, LocalDate.of(1990, 1, 1), null))).isEmpty();
	}

	@Test
	void checksEachHouseholdMember() {
		List<MemberDetails> household = List.of(LUIS, new MemberDetails(" ", "COUSIN", TODAY.plusDays(1)));
		assertThat(fields(new OpenCase(ANA, TODAY, household))).containsExactly("household[1].name",
				"household[1].relationship", "household[1].birthDate");
	}

	@Test
	void limitsNamesAndHouseholdSize() {
		ApplicantDetails longName = new ApplicantDetails("A".repeat(201), "es", "+50760001234", null, "SMS", true,
				"2026-11");
		assertThat(fields(new OpenCase(longName, TODAY, null))).containsExactly("applicant.name");
		assertThat(fields(new OpenCase(ANA, TODAY, Collections.nCopies(31, LUIS)))).containsExactly("household");
		assertThat(fields(new OpenCase(ANA, TODAY, Collections.nCopies(30, LUIS)))).isEmpty();
	}

	@Test
	void neverRepeatsTheSubmittedValues() {
		ApplicantDetails applicant = new ApplicantDetails("Ana Prueba", "es", "+50799999", "luis.prueba@", "SMS", true,
				"2026-11");
		assertThat(problems(new OpenCase(applicant, TODAY, null))).extracting(FieldProblem::detail)
			.noneMatch((detail) -> detail.contains("+50799999") || detail.contains("luis.prueba@"));
	}

	@Test
	void givesHouseholdMembersStableIds() {
		OpenCase request = new OpenCase(ANA, TODAY, List.of(LUIS, LUIS));
		assertThat(request.toHousehold()).extracting(HouseholdMember::memberId).containsExactly("member-1", "member-2");
	}

	private static void check(OpenCase request) {
		Checks checks = new Checks(TODAY);
		request.check(checks);
		checks.throwIfAny();
	}

	private static List<FieldProblem> problems(OpenCase request) {
		InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class, () -> check(request));
		return (ex != null) ? ex.problems() : List.of();
	}

	private static List<String> fields(OpenCase request) {
		return problems(request).stream().map(FieldProblem::field).toList();
	}

}
