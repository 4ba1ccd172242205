package org.plazo.cases.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.plazo.cases.cases.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A caseload file read as far as its shape: UTF-8 text (a byte order mark allowed), CSV
 * separated by commas or semicolons, a header naming known columns, and data rows.
 * Whether each row's values are good is {@link CaseRows}' business.
 *
 * @param rows the data rows, blank ones left out
 */
record CaseloadFile(List<Row> rows) {

	/** What a column's name looks like, unlike a person's name, phone or email. */
	private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

	private static final CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	private static final String TEMPLATE_EXAMPLE = String.join(",", "Ana Prueba", "es", "+50760001234",
			"ana.prueba@example.org", "SMS", "true", "2026-01-12", "2026-01-20", "2026-01-20", "2026-07-20",
			"ENT-2026-0001", "REGISTRATION", "2026-04-15", "09:30", "", "", "R-2026-0042", "REJECTED", "2026-02-13",
			"2026-02-18", "", "", "", "", "", "", "", "", "", "");

	/**
	 * The template: the header with every column, and one invented example row. UTF-8
	 * without a byte order mark.
	 */
	static byte[] template() {
		String header = Arrays.stream(Column.values()).map(Column::header).collect(Collectors.joining(","));
		return (header + "\r\n" + TEMPLATE_EXAMPLE + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * @throws ImportRefusedException when the file is empty, not UTF-8, not CSV, has a
	 * wrong header, no rows or more than {@code maxRows}
	 */
	static CaseloadFile read(byte[] bytes, int maxRows) {
		String text = decode(bytes);
		if (text.isBlank()) {
			throw ImportRefusedException.invalid("file", "The file is empty.");
		}
		CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(text));
		List<Row> rows = new ArrayList<>();
		Column[] header = null;
		int number = 0;
		try (MappingIterator<String[]> records = csv.readerFor(String[].class).with(schema).readValues(text)) {
			while (records.hasNextValue()) {
				String[] cells = records.nextValue();
				number++;
				if (header == null) {
					header = header(cells);
				}
				else if (!blank(cells)) {
					if (rows.size() == maxRows) {
						throw ImportRefusedException.tooLarge("The file has more than " + maxRows + " rows.");
					}
					rows.add(row(number, header, cells));
				}
			}
		}
		catch (JacksonException ex) {
			// Its message may quote the file; the row is enough.
			throw ImportRefusedException.invalid("file",
					"The file is not valid CSV at row " + (number + 1) + " (a quote not closed?).");
		}
		if (rows.isEmpty()) {
			throw ImportRefusedException.invalid("file", "The file has a header but no rows.");
		}
		return new CaseloadFile(rows);
	}

	private static String decode(byte[] bytes) {
		int start = (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF)
				? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ImportRefusedException.invalid("file",
					"The file is not UTF-8 text; save it as \"CSV UTF-8\" and upload it again.");
		}
	}

	/**
	 * Spreadsheets set to Spanish write semicolons: whichever of the two the header line
	 * has more of, outside quotes.
	 */
	static char separator(String text) {
		int commas = 0;
		int semicolons = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
		}
		return (semicolons > commas) ? ';' : ',';
	}

	/**
	 * The column of each cell of the header; {@code null} for a cell with no name, whose
	 * column is ignored. Unknown columns are named by position, and by name only in a row
	 * that names a known column too and when the name looks like one: a file without a
	 * header has a person's details in its first row.
	 */
	private static Column[] header(String[] cells) {
		Column[] columns = new Column[cells.length];
		List<FieldProblem> problems = new ArrayList<>();
		Set<Column> seen = EnumSet.noneOf(Column.class);
		// A row naming at least one known column is a header: its other names may be
		// shown, when they look like names of columns.
		boolean aHeader = Arrays.stream(cells).anyMatch((cell) -> cell != null && Column.byHeader(cell).isPresent());
		for (int i = 0; i < cells.length; i++) {
			if (cells[i] == null || cells[i].isBlank()) {
				continue;
			}
			Optional<Column> column = Column.byHeader(cells[i]);
			if (column.isEmpty()) {
				String name = (aHeader && COLUMN_NAME.matcher(cells[i].strip()).matches()) ? " " + cells[i].strip()
						: "";
				problems.add(new FieldProblem("header", "column " + (i + 1) + " (" + letters(i) + ")" + name
						+ " is not a known column; the template names them all"));
			}
			else if (!seen.add(column.get())) {
				problems.add(new FieldProblem("header", "has the column " + column.get().header() + " twice"));
			}
			else {
				columns[i] = column.get();
			}
		}
		List<String> missing = Arrays.stream(Column.values())
			.filter((column) -> column.required() && !seen.contains(column))
			.map(Column::header)
			.toList();
		if (!missing.isEmpty()) {
			problems.add(0, new FieldProblem("header", "misses the column(s) " + String.join(", ", missing)));
		}
		if (!problems.isEmpty()) {
			String detail = seen.isEmpty()
					? "The first row must be the header naming the columns; download the template."
					: "The header has " + problems.size() + " problem(s); see errors.";
			throw ImportRefusedException.invalid(detail, problems);
		}
		return columns;
	}

	private static Row row(int number, Column[] header, String[] cells) {
		Map<Column, String> values = new EnumMap<>(Column.class);
		boolean beyondHeader = false;
		for (int i = 0; i < cells.length; i++) {
			String value = (cells[i] != null) ? cells[i].strip() : "";
			if (i >= header.length) {
				beyondHeader |= !value.isEmpty();
			}
			else if (header[i] != null && !value.isEmpty()) {
				values.put(header[i], value);
			}
		}
		return new Row(number, values, beyondHeader);
	}

	private static boolean blank(String[] cells) {
		return Arrays.stream(cells).allMatch((cell) -> cell == null || cell.isBlank());
	}

	/** A spreadsheet's name of a column: A, B, ..., Z, AA, AB, ... */
	static String letters(int index) {
		StringBuilder letters = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

	/**
	 * One data row.
	 *
	 * @param number as a spreadsheet numbers it: the header is row 1
	 * @param cells the filled cells, trimmed, by column
	 * @param beyondHeader whether it has filled cells past the header's last column
	 */
	record Row(int number, Map<Column, String> cells, boolean beyondHeader) {

		// Never the cells: they hold names, phones and emails.
		@Override
		public String toString() {
			return "Row " + this.number;
		}

	}

}
