package org.plazo.cases.imports;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plazo.cases.cases.CaseOpenings;
import org.plazo.cases.cases.TestCaseOpenings;
import org.plazo.cases.imports.ImportStatus.RejectedRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad rows and the reasons the report gives, by the API's own rules. The clock stands at
 * 10 March 2026 in Panama.
 */
class CaseRowsTests {

	private static final CaseOpenings openings = TestCaseOpenings.checkingAt(CaseloadFileTests.TEN_MARCH);

	static Stream<Arguments> badRows() {
		return Stream.of(arguments(Map.of("applicantName", " "), "applicantName", "is required"),
				arguments(Map.of("applicantName", "A".repeat(201)), "applicantName", "must be at most 200 characters"),
				arguments(Map.of("preferredLanguage", "de"), "preferredLanguage", "must be one of es, en, fr, ht, pt"),
				arguments(Map.of("phone", "60001234"), "phone",
						"must be a valid phone number in E.164 format, e.g. +50760001234"),
				arguments(Map.of("email", "ana.prueba@"), "email",
						"must be an email address, e.g. ana.prueba@example.org"),
				arguments(Map.of("preferredChannel", "WHATSAPP"), "preferredChannel", "must be one of SMS, EMAIL"),
				arguments(Map.of("preferredChannel", "EMAIL"), "email",
						"is required when the preferred channel is EMAIL"),
				arguments(Map.of("consentToContact", "no"), "consentToContact",
						"must be true: Plazo may only remind a person who agreed to be contacted (Law 81 of 2019)"),
				arguments(Map.of("consentToContact", "maybe"), "consentToContact", "must be true or false"),
				arguments(Map.of("arrivalDate", "02/03/2026"), "arrivalDate", "must be a date, e.g. 2026-03-02"),
				arguments(Map.of("arrivalDate", "2026-03-11"), "arrivalDate", "must not be in the future"),
				arguments(Map.of("arrivalDate", "1989-12-31"), "arrivalDate", "must not be before 1990-01-01"),
				arguments(Map.of("applicationFiledOn", "2026-03-01"), "applicationFiledOn",
						"must not be before the arrival date"),
				arguments(Map.of("certificateIssuedOn", "2026-03-05", "certificateValidUntil", "2026-03-05"),
						"certificateValidUntil", "must be after the day of issue"),
				arguments(Map.of("certificateValidUntil", "2026-09-05"), "certificateIssuedOn", "is required"),
				arguments(Map.of("interviewId", "ENT-1", "interviewKind", "FIRST", "interviewDate", "2026-04-15",
						"interviewTime", "09:30"), "interviewKind", "must be one of REGISTRATION, EXTENSION"),
				arguments(Map.of("interviewId", "ENT-1", "interviewKind", "REGISTRATION", "interviewDate", "2026-04-15",
						"interviewTime", "9h30"), "interviewTime", "must be a time, e.g. 09:30"),
				arguments(Map.of("resolutionId", "R-1", "resolutionOutcome", "MAYBE", "resolutionNotifiedOn",
						"2026-03-06"), "resolutionOutcome", "must be one of ADMITTED, REJECTED"),
				arguments(Map.of("reconsiderationOutcome", "DENIED", "reconsiderationNotifiedOn", "2026-03-12"),
						"reconsiderationNotifiedOn", "must not be in the future"),
				arguments(Map.of("appealOutcome", "GRANTED"), "appealNotifiedOn", "is required"),
				arguments(Map.of("refugeeCardIssuedOn", "2026-03-09", "refugeeCardExpiresOn", "2026-03-01"),
						"refugeeCardExpiresOn", "must be after the day of issue"),
				arguments(Map.of("closedReason", "MOVED", "closedOn", "2026-03-09"), "closedReason",
						"must be one of WITHDRAWN, DECIDED, ABANDONED, OTHER"));
	}

	@ParameterizedTest
	@MethodSource("badRows")
	void rejectsABadRowNamingTheColumnAndTheReasonOnly(Map<String, String> change, String column, String reason) {
		Map<String, String> row = goodRow();
		row.putAll(change);

		List<RejectedRow> rejected = check(List.of(row));

		assertThat(rejected).containsExactly(new RejectedRow(2, column, reason));
	}

	@Test
	void reportsEveryBadFieldOfEveryRow() {
		Map<String, String> first = goodRow();
		first.put("resolutionId", "R-2026-0042");
		Map<String, String> second = goodRow();
		second.put("applicantName", "Eva Prueba");
		second.put("phone", "");
		second.put("arrivalDate", "");

		assertThat(check(List.of(first, goodRow2(), second))).containsExactly(
				new RejectedRow(2, "resolutionOutcome", "is required"),
				new RejectedRow(2, "resolutionNotifiedOn", "is required"),
				new RejectedRow(4, "phone", "is required when the preferred channel is SMS"),
				new RejectedRow(4, "arrivalDate", "is required"));
	}

	@Test
	void rejectsTheSamePersonEnteredTwice() {
		Map<String, String> again = goodRow();
		again.put("applicantName", "  ANA   prueba ");
		again.put("phone", "+50760001235");

		assertThat(check(List.of(goodRow(), goodRow2(), again))).containsExactly(
				new RejectedRow(4, "applicantName", "repeats row 2: the same applicantName and arrivalDate"));
	}

	@Test
	void rejectsCellsBeyondTheHeader() {
		String csv = header(goodRow()) + "\n" + String.join(",", goodRow().values()) + ",surplus\n";

		assertThat(CaseRows.check(read(csv).rows(), openings, 100))
			.containsExactly(new RejectedRow(2, "row", "has filled cells beyond the header's last column"));
	}

	@Test
	void acceptsGoodRowsWithTheirHistory() {
		Map<String, String> full = goodRow();
		full.putAll(Map.of("applicationFiledOn", "2026-03-03", "resolutionId", "R-2026-0042", "resolutionOutcome",
				"REJECTED", "resolutionNotifiedOn", "2026-03-06", "reconsiderationFiledOn", "2026-03-09",
				"consentToContact", "TRUE"));

		assertThat(check(List.of(full, goodRow2()))).isEmpty();
		CaseRows.Draft draft = CaseRows
			.draft(read(header(full) + "\n" + String.join(",", full.values())).rows().get(0));
		assertThat(draft.kinds()).containsExactly(History.APPLICATION_FILED, History.RESOLUTION_NOTIFIED,
				History.RECONSIDERATION_FILED);
		assertThat(draft.toString()).doesNotContain("Ana");
	}

	@Test
	void stopsAtTheReportLimit() {
		Map<String, String> bad = goodRow();
		bad.put("phone", "0");
		bad.put("email", "@");

		assertThat(check(List.of(bad, bad, bad), 3)).hasSize(3);
	}

	@Test
	void neverEchoesAValue() {
		Map<String, String> bad = goodRow();
		bad.put("phone", "+5076000123499");
		bad.put("email", "eva.prueba@example");
		bad.put("arrivalDate", "ayer");

		assertThat(check(List.of(bad))).hasSize(3)
			.allSatisfy(
					(rejected) -> assertThat(rejected.reason()).doesNotContain("5076000123499", "eva.prueba", "ayer"));
	}

	static Map<String, String> goodRow() {
		Map<String, String> row = new LinkedHashMap<>();
		for (Column column : Column.values()) {
			row.put(column.header(), "");
		}
		row.putAll(Map.of("applicantName", "Ana Prueba", "preferredLanguage", "es", "phone", "+50760001234",
				"preferredChannel", "SMS", "consentToContact", "true", "arrivalDate", "2026-03-02"));
		return row;
	}

	private static Map<String, String> goodRow2() {
		Map<String, String> row = goodRow();
		row.putAll(Map.of("applicantName", "Jean Essai", "preferredLanguage", "fr", "phone", "", "email",
				"jean.essai@example.org", "preferredChannel", "EMAIL"));
		return row;
	}

	private static List<RejectedRow> check(List<Map<String, String>> rows) {
		return check(rows, 100);
	}

	private static List<RejectedRow> check(List<Map<String, String>> rows, int limit) {
		String csv = header(rows.get(0)) + "\n"
				+ rows.stream().map((row) -> String.join(",", row.values())).collect(Collectors.joining("\n"));
		return CaseRows.check(read(csv).rows(), openings, limit);
	}

	private static String header(Map<String, String> row) {
		return String.join(",", row.keySet());
	}

	private static CaseloadFile read(String csv) {
		return CaseloadFile.read(csv.getBytes(StandardCharsets.UTF_8), 100);
	}

}
