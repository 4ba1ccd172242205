package org.plazo.cases.imports;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.plazo.cases.cases.CaseFact;
import org.plazo.cases.cases.CaseOpenings;
import org.plazo.cases.cases.FieldProblem;
import org.plazo.cases.cases.OpenCase;
import org.plazo.cases.imports.ImportStatus.RejectedRow;

/**
 * Turns rows into the requests the API takes, and checks them by the API's own rules
 * ({@link CaseOpenings#check}) and for people entered twice. Problems name the row and
 * the column, never the value.
 */
final class CaseRows {

	private CaseRows() {
	}

	/** The case a row opens, with its history in the order it is recorded. */
	static Draft draft(CaseloadFile.Row row) {
		Cells cells = new Cells(row);
		OpenCase.ApplicantDetails applicant = new OpenCase.ApplicantDetails(cells.text(Column.APPLICANT_NAME),
				cells.text(Column.PREFERRED_LANGUAGE), cells.text(Column.PHONE), cells.text(Column.EMAIL),
				cells.text(Column.PREFERRED_CHANNEL), cells.bool(Column.CONSENT_TO_CONTACT), null);
		OpenCase request = new OpenCase(applicant, cells.date(Column.ARRIVAL_DATE), List.of());
		List<History> kinds = new ArrayList<>();
		List<CaseFact> history = new ArrayList<>();
		for (History kind : History.values()) {
			if (kind.in(cells)) {
				kinds.add(kind);
				history.add(kind.fact(cells));
			}
		}
		return new Draft(row.number(), request, kinds, history, cells.problems);
	}

	/**
	 * Every problem of every row, in row and column order: values a column cannot hold,
	 * the API's rules, and rows that repeat a person.
	 * @param limit the most problems to report; the check stops there
	 */
	static List<RejectedRow> check(List<CaseloadFile.Row> rows, CaseOpenings openings, int limit) {
		List<RejectedRow> rejected = new ArrayList<>();
		Map<String, Integer> people = new HashMap<>();
		for (CaseloadFile.Row row : rows) {
			Draft draft = draft(row);
			List<RejectedRow> problems = new ArrayList<>(draft.unreadable());
			Set<String> unreadable = new HashSet<>();
			problems.forEach((problem) -> unreadable.add(problem.field()));
			for (FieldProblem problem : openings.check(draft.request(), draft.history())) {
				String column = draft.column(problem.field());
				// "is required" after "must be a date" says nothing new.
				if (!unreadable.contains(column)) {
					problems.add(new RejectedRow(row.number(), column, problem.detail()));
				}
			}
			if (row.beyondHeader()) {
				problems.add(new RejectedRow(row.number(), "row", "has filled cells beyond the header's last column"));
			}
			personKey(draft.request()).ifPresent((key) -> {
				Integer first = people.putIfAbsent(key, row.number());
				if (first != null) {
					problems.add(new RejectedRow(row.number(), Column.APPLICANT_NAME.header(),
							"repeats row " + first + ": the same applicantName and arrivalDate"));
				}
			});
			// In the order of the columns, as the person fixing the file reads the row.
			problems.sort(Comparator.comparingInt(
					(problem) -> Column.byHeader(problem.field()).map(Column::ordinal).orElse(Integer.MAX_VALUE)));
			for (RejectedRow problem : problems) {
				if (rejected.size() == limit) {
					return rejected;
				}
				rejected.add(problem);
			}
		}
		return rejected;
	}

	/**
	 * The same person: the same name, letter case, accents and spacing aside, arriving
	 * the same day.
	 */
	private static Optional<String> personKey(OpenCase request) {
		String name = request.applicant().name();
		if (name == null || name.isBlank() || request.arrivalDate() == null) {
			return Optional.empty();
		}
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.strip()
			.replaceAll("\\s+", " ")
			.toLowerCase(Locale.ROOT);
		return Optional.of(plain + "|" + request.arrivalDate());
	}

	/**
	 * A row as the API's requests.
	 *
	 * @param row the row's number
	 * @param request opens the case
	 * @param kinds what each fact of the history is
	 * @param history the facts, in the order they are recorded
	 * @param unreadable cells whose value is not of the column's kind (a date, a time,
	 * true or false)
	 */
	record Draft(int row, OpenCase request, List<History> kinds, List<CaseFact> history, List<RejectedRow> unreadable) {

		/** The column an API problem of this draft is about. */
		String column(String field) {
			if (field.startsWith("history[")) {
				int end = field.indexOf(']');
				History kind = this.kinds.get(Integer.parseInt(field.substring("history[".length(), end)));
				String factField = field.substring(end + 2);
				return kind.column(factField).map(Column::header).orElse(factField);
			}
			return Column.byApiField(field).map(Column::header).orElse(field);
		}

		// Never the request: it holds names, phones and emails.
		@Override
		public String toString() {
			return "Draft of row " + this.row;
		}

	}

	/**
	 * The filled cells of a row, converted to what the API's requests hold. A value that
	 * does not convert is reported once and read as missing.
	 */
	static final class Cells {

		private final CaseloadFile.Row row;

		private final List<RejectedRow> problems = new ArrayList<>();

		private final Set<Column> reported = EnumSet.noneOf(Column.class);

		Cells(CaseloadFile.Row row) {
			this.row = row;
		}

		boolean filled(Column column) {
			return this.row.cells().containsKey(column);
		}

		String text(Column column) {
			return this.row.cells().get(column);
		}

		LocalDate date(Column column) {
			String value = text(column);
			try {
				return (value != null) ? LocalDate.parse(value) : null;
			}
			catch (DateTimeParseException ex) {
				return unreadable(column, "must be a date, e.g. 2026-03-02");
			}
		}

		LocalTime time(Column column) {
			String value = text(column);
			try {
				return (value != null) ? LocalTime.parse(value) : null;
			}
			catch (DateTimeParseException ex) {
				return unreadable(column, "must be a time, e.g. 09:30");
			}
		}

		/** Spreadsheets write TRUE and FALSE; people write yes, sí and no. */
		Boolean bool(Column column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			switch (value.toLowerCase(Locale.ROOT)) {
				case "true", "yes", "sí", "si":
					return true;
				case "false", "no":
					return false;
				default:
					return unreadable(column, "must be true or false");
			}
		}

		private <T> T unreadable(Column column, String reason) {
			if (this.reported.add(column)) {
				this.problems.add(new RejectedRow(this.row.number(), column.header(), reason));
			}
			return null;
		}

	}

}
