package org.plazo.notify.operations;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.plazo.notify.operations.OperationsProblems.InvalidParameter;

/**
 * Checks of the operations API's parameters, each failure naming its parameter.
 */
final class Parameters {

	static final String ACTOR_HEADER = "X-Plazo-Actor";

	private Parameters() {
	}

	static String oneOf(String field, String value, List<String> allowed) {
		if (value == null) {
			return null;
		}
		if (!allowed.contains(value)) {
			throw new InvalidParameter(field, "must be one of " + allowed);
		}
		return value;
	}

	static int between(String field, int value, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidParameter(field, "must be from " + min + " to " + max);
		}
		return value;
	}

	static Duration duration(String field, String value, Duration max) {
		Duration duration;
		try {
			duration = Duration.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameter(field, "must be an ISO-8601 duration such as PT6H or P1D");
		}
		if (duration.isNegative() || duration.isZero() || duration.compareTo(max) > 0) {
			throw new InvalidParameter(field, "must be more than zero and at most " + max);
		}
		return duration;
	}

	/**
	 * The username of the person a client acts for, when it says: printable, no spaces,
	 * at most 100 characters. The actor itself is the token's subject.
	 */
	static String onBehalfOf(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > 100 || !value.matches("[\\p{Alnum}._@+-]+")) {
			throw new InvalidParameter(ACTOR_HEADER,
					"must be at most 100 letters, digits or . _ @ + - (the operator's username)");
		}
		return value;
	}

	static String id(String field, String value) {
		if (value.isBlank() || value.length() > 300) {
			throw new InvalidParameter(field, "must be an id of 1 to 300 characters");
		}
		return value;
	}

}
