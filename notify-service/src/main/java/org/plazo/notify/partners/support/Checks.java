package org.plazo.notify.partners.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem of a request, so that the answer names all bad fields at once.
 * Details never repeat the value submitted.
 */
public final class Checks {

	// Deliberately loose: the mail server is the judge; this catches typing slips.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private final List<FieldProblem> problems = new ArrayList<>();

	public void fail(String field, String detail) {
		this.problems.add(new FieldProblem(field, detail));
	}

	/** Fails and answers false when the value is missing. */
	public boolean required(String field, Object value) {
		if (value == null) {
			fail(field, "is required");
			return false;
		}
		return true;
	}

	/** Required text of 1 to {@code maxLength} characters, not blank. */
	public void text(String field, String value, int maxLength) {
		if (required(field, value)) {
			optionalText(field, value, maxLength);
		}
	}

	/** Text of at most {@code maxLength} characters, not blank, when present. */
	public void optionalText(String field, String value, int maxLength) {
		if (value == null) {
			return;
		}
		if (value.isBlank()) {
			fail(field, "must not be blank");
		}
		else if (value.length() > maxLength) {
			fail(field, "must be at most " + maxLength + " characters");
		}
	}

	public void email(String field, String email) {
		if (required(field, email) && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			fail(field, "must be an email address, e.g. avisos@ong.example.org");
		}
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	public void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new InvalidRequestException(this.problems);
		}
	}

}
