package org.plazo.notify.partners.support;

/**
 * The request is valid but clashes with what is stored. The message is safe to show.
 */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
