package org.plazo.cases.imports;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.plazo.cases.cases.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A file refused before any row is checked: empty, not CSV, not UTF-8, a wrong header,
 * too large or too long (400, 413), or the very file of an import under way or done
 * (409). Its body is the RFC 9457 problem the API answers with; details name columns and
 * rows, never values from the file.
 */
public class ImportRefusedException extends ErrorResponseException {

	static final URI INVALID_FILE = URI.create("urn:plazo:problem:invalid-import-file");

	static final URI TOO_LARGE = URI.create("urn:plazo:problem:import-too-large");

	static final URI ALREADY_IMPORTED = URI.create("urn:plazo:problem:already-imported");

	private final List<FieldProblem> problems;

	private ImportRefusedException(HttpStatus status, URI type, String title, String detail,
			List<FieldProblem> problems) {
		super(status, problem(status, type, title, detail, problems), null);
		this.problems = List.copyOf(problems);
	}

	static ImportRefusedException invalid(String detail, List<FieldProblem> problems) {
		return new ImportRefusedException(HttpStatus.BAD_REQUEST, INVALID_FILE, "Invalid import file", detail,
				problems);
	}

	static ImportRefusedException invalid(String field, String detail) {
		return invalid(detail, List.of(new FieldProblem(field, detail)));
	}

	static ImportRefusedException tooLarge(String detail) {
		return new ImportRefusedException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Import file too large", detail,
				List.of(new FieldProblem("file", detail)));
	}

	static ImportRefusedException alreadyImported(String importId) {
		ImportRefusedException refused = new ImportRefusedException(HttpStatus.CONFLICT, ALREADY_IMPORTED,
				"File imported already", "The same file was imported already, or is being imported; see importId.",
				List.of(new FieldProblem("file", "is the file of import " + importId)));
		refused.getBody().setProperty("importId", importId);
		return refused;
	}

	/**
	 * What is wrong, by field ({@code file}, {@code header}) as in the problem's errors.
	 */
	public List<FieldProblem> problems() {
		return this.problems;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail,
			List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		problem.setProperty("errors",
				problems.stream().map((p) -> Map.of("field", p.field(), "detail", p.detail())).toList());
		return problem;
	}

}
