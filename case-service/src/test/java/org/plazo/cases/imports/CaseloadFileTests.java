package org.plazo.cases.imports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.cases.cases.FieldProblem;
import org.plazo.cases.cases.TestCaseOpenings;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CaseloadFileTests {

	static final String HEADER = "applicantName,preferredLanguage,phone,email,preferredChannel,consentToContact,arrivalDate";

	static final String ROW = "Ana Prueba,es,+50760001234,,SMS,true,2026-03-02";

	static final Clock TEN_MARCH = Clock.fixed(Instant.parse("2026-03-10T15:00:00Z"), ZoneOffset.UTC);

	@Test
	void readsACommaSeparatedFileNumberingRowsAsASpreadsheetDoes() {
		CaseloadFile file = read(HEADER + "\r\n" + ROW + "\r\n,,,,,,\r\n" + ROW.replace("Ana", "Eva") + "\r\n");

		assertThat(file.rows()).extracting(CaseloadFile.Row::number).containsExactly(2, 4);
		assertThat(file.rows().get(0).cells()).containsEntry(Column.APPLICANT_NAME, "Ana Prueba")
			.containsEntry(Column.PHONE, "+50760001234")
			.doesNotContainKey(Column.EMAIL);
	}

	@Test
	void readsASemicolonSeparatedFileWithAByteOrderMarkAsSpreadsheetsWriteIt() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		String text = (HEADER + "\n" + ROW + "\n").replace(',', ';').replace("Ana Prueba", "\"Peña; Ana\"");
		byte[] body = concat(bom, text.getBytes(StandardCharsets.UTF_8));

		CaseloadFile file = CaseloadFile.read(body, 10);

		assertThat(file.rows()).singleElement()
			.satisfies((row) -> assertThat(row.cells()).containsEntry(Column.APPLICANT_NAME, "Peña; Ana")
				.containsEntry(Column.ARRIVAL_DATE, "2026-03-02"));
	}

	@Test
	void takesColumnNamesWhateverTheirCaseAndLeavesOutHistoryColumns() {
		CaseloadFile file = read(HEADER.toUpperCase().replace(",", " , ") + ",closedOn\n" + ROW + ",\n");

		assertThat(file.rows().get(0).cells()).containsEntry(Column.PREFERRED_CHANNEL, "SMS");
	}

	@Test
	void refusesAnEmptyFile() {
		assertThat(refused("").problems()).containsExactly(new FieldProblem("file", "The file is empty."));
		assertThat(refused("\uFEFF \r\n").problems()).containsExactly(new FieldProblem("file", "The file is empty."));
	}

	@Test
	void refusesAFileThatIsNotUtf8() {
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class, () -> CaseloadFile
			.read((HEADER + "\nAna Peña,es,,,SMS,true,2026-03-02\n").getBytes(StandardCharsets.ISO_8859_1), 10));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().getType()).hasToString("urn:plazo:problem:invalid-import-file");
		assertThat(refused.getMessage()).contains("UTF-8");
	}

	@Test
	void refusesAHeaderThatMissesColumnsNamingThem() {
		String header = HEADER.replace(",phone", "").replace(",arrivalDate", "");

		assertThat(refused(header + "\n" + ROW + "\n").problems())
			.containsExactly(new FieldProblem("header", "misses the column(s) phone, arrivalDate"));
	}

	@Test
	void refusesUnknownAndRepeatedColumnsNamingThemWhenTheyLookLikeColumnNames() {
		List<FieldProblem> problems = refused(
				HEADER + ",fechaDeNacimiento,phone,Ana Prueba,+50760001234\n" + ROW + ",,,,\n")
			.problems();

		assertThat(problems).containsExactly(
				new FieldProblem("header",
						"column 8 (H) fechaDeNacimiento is not a known column; the template names them all"),
				new FieldProblem("header", "has the column phone twice"),
				new FieldProblem("header", "column 10 (J) is not a known column; the template names them all"),
				new FieldProblem("header", "column 11 (K) is not a known column; the template names them all"));
	}

	@Test
	void refusesAFileWithoutAHeaderWithoutEchoingItsFirstRow() {
		ImportRefusedException refused = refused(ROW + "\n" + ROW.replace("Ana", "Eva") + "\n");

		assertThat(refused.getMessage()).contains("The first row must be the header");
		assertThat(refused.problems()).first()
			.isEqualTo(new FieldProblem("header", "misses the column(s) applicantName, preferredLanguage, phone, "
					+ "email, preferredChannel, consentToContact, arrivalDate"));
		assertThat(refused.problems()).extracting(FieldProblem::detail)
			.noneMatch((detail) -> detail.contains("Ana") || detail.contains("+507"));
	}

	@Test
	void refusesAHeaderWithoutRows() {
		assertThat(refused(HEADER + "\n\n,,,\n").problems())
			.containsExactly(new FieldProblem("file", "The file has a header but no rows."));
	}

	@Test
	void refusesMoreRowsThanAllowedAsTooLarge() {
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class, () -> CaseloadFile
			.read((HEADER + "\n" + ROW + "\n" + ROW + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8), 2));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(refused.getBody().getType()).hasToString("urn:plazo:problem:import-too-large");
		assertThat(refused.getMessage()).isEqualTo("The file has more than 2 rows.");
	}

	@Test
	void refusesAQuoteNeverClosedNamingTheRow() {
		assertThat(refused(HEADER + "\n" + ROW + "\n\"Ana Prueba,es,+50760001234,,SMS,true,2026-03-02\n").problems())
			.singleElement()
			.satisfies(
					(problem) -> assertThat(problem.detail()).contains("not valid CSV at row 3").doesNotContain("Ana"));
	}

	@Test
	void offersATemplateWhoseExampleRowIsGood() {
		byte[] template = CaseloadFile.template();

		assertThat(template[0]).isEqualTo((byte) 'a');
		CaseloadFile file = CaseloadFile.read(template, 10);
		assertThat(file.rows()).singleElement()
			.satisfies(
					(row) -> assertThat(row.cells()).hasSize(18).containsEntry(Column.RESOLUTION_OUTCOME, "REJECTED"));
		assertThat(CaseRows.check(file.rows(), TestCaseOpenings.checkingAt(TEN_MARCH), 10)).isEmpty();
		assertThat(CaseRows.draft(file.rows().get(0)).kinds()).containsExactly(History.APPLICATION_FILED,
				History.CERTIFICATE_ISSUED, History.INTERVIEW_SCHEDULED, History.RESOLUTION_NOTIFIED,
				History.RECONSIDERATION_FILED);
	}

	@Test
	void namesSpreadsheetColumnsByLetter() {
		assertThat(CaseloadFile.letters(0)).isEqualTo("A");
		assertThat(CaseloadFile.letters(25)).isEqualTo("Z");
		assertThat(CaseloadFile.letters(26)).isEqualTo("AA");
		assertThat(CaseloadFile.letters(701)).isEqualTo("ZZ");
		assertThat(CaseloadFile.letters(702)).isEqualTo("AAA");
	}

	private static CaseloadFile read(String text) {
		return CaseloadFile.read(text.getBytes(StandardCharsets.UTF_8), 100);
	}

	private static ImportRefusedException refused(String text) {
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class, () -> read(text));
		assertThat(refused).isNotNull();
		return refused;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
