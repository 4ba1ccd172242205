package org.plazo.notify.recipients;

/**
 * case-service's contact lookup (or the token issuer before it) could not answer: not
 * reachable, a 5xx, or this service's credentials refused. Every case event that needs a
 * lookup would fail alike, so the listener waits for it rather than dead-lettering.
 */
public class ContactLookupUnavailable extends RuntimeException {

	ContactLookupUnavailable(String reason) {
		super(reason);
	}

}
