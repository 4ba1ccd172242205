package org.plazo.cases.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Collects every problem of a request, so that the answer names all bad fields at once.
 * Details never repeat the value submitted.
 */
final class Checks {

	/** No procedure Plazo follows starts earlier. */
	static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	// Deliberately loose: the mail server is the judge; this catches typing slips.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private static final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

	private final List<FieldProblem> problems = new ArrayList<>();

	private final LocalDate today;

	/**
	 * @param today the date in America/Panama, by the service's clock
	 */
	Checks(LocalDate today) {
		this.today = today;
	}

	LocalDate today() {
		return this.today;
	}

	void fail(String field, String detail) {
		this.problems.add(new FieldProblem(field, detail));
	}

	/** Fails and answers false when the value is missing. */
	boolean required(String field, Object value) {
		if (value == null) {
			fail(field, "is required");
			return false;
		}
		return true;
	}

	void text(String field, String value, int maxLength) {
		if (required(field, value)) {
			if (value.isBlank()) {
				fail(field, "must not be blank");
			}
			else if (value.length() > maxLength) {
				fail(field, "must be at most " + maxLength + " characters");
			}
		}
	}

	<E extends Enum<E>> void oneOf(String field, String value, Class<E> values) {
		if (required(field, value) && !names(values).contains(value)) {
			fail(field, "must be one of " + String.join(", ", names(values)));
		}
	}

	/**
	 * A date that has happened: today or earlier, not before {@code notBefore}.
	 * @param notBeforeReason how to say what {@code notBefore} is, e.g. "the arrival
	 * date"
	 */
	void pastDate(String field, LocalDate date, LocalDate notBefore, String notBeforeReason) {
		if (date == null) {
			return;
		}
		if (date.isAfter(this.today)) {
			fail(field, "must not be in the future");
		}
		else if (date.isBefore(notBefore)) {
			fail(field, "must not be before " + notBeforeReason);
		}
	}

	void phone(String field, String phone) {
		if (phone != null && !isPhoneNumber(phone)) {
			fail(field, "must be a valid phone number in E.164 format, e.g. +50760001234");
		}
	}

	void email(String field, String email) {
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			fail(field, "must be an email address, e.g. ana.prueba@example.org");
		}
	}

	/** The problems found so far. */
	List<FieldProblem> problems() {
		return List.copyOf(this.problems);
	}

	void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new InvalidRequestException(this.problems);
		}
	}

	static boolean isPhoneNumber(String phone) {
		if (!E164.matcher(phone).matches()) {
			return false;
		}
		try {
			return phoneNumbers.isValidNumber(phoneNumbers.parse(phone, null));
		}
		catch (NumberParseException ex) {
			return false;
		}
	}

	private static <E extends Enum<E>> List<String> names(Class<E> values) {
		return Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
	}

}
