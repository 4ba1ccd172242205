package org.plazo.deadlines.calendar;

/**
 * A resource the request names does not exist; {@code ApiProblems} turns it into a 404
 * problem. The detail must not quote personal data.
 */
public class NotFound extends RuntimeException {

	public NotFound(String detail) {
		super(detail);
	}

}
