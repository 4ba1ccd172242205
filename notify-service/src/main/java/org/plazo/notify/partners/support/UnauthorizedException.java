package org.plazo.notify.partners.support;

/**
 * No credentials, or wrong or revoked ones. The same answer whatever the reason, so it
 * tells nothing about which organisations exist.
 */
public class UnauthorizedException extends RuntimeException {

	private final String scheme;

	public UnauthorizedException(String scheme) {
		super("Valid credentials are required.");
		this.scheme = scheme;
	}

	/** The {@code WWW-Authenticate} challenge to answer with. */
	public String scheme() {
		return this.scheme;
	}

}
