package org.plazo.notify.partners.support;

/**
 * Nothing with that id belongs to the caller. Said the same way whether it exists for
 * another organisation or not at all. The message is safe to show.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super("There is no " + what + " with this id.");
	}

}
