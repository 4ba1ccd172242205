package org.plazo.events;

/**
 * An event whose attributes or data cannot be read. Never retried: it goes to the
 * dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(String message) {
		super(message);
	}

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
