package org.plazo.notify.partners.ngos;

/**
 * The organisation a request comes from, proven by its API key in
 * {@code Authorization: Bearer <key>}. A controller method that takes one is reachable
 * only with a valid key; anything else is answered {@code 401}, alike for a wrong key, a
 * revoked key or an unknown organisation.
 *
 * @param ngo the organisation
 */
public record AuthenticatedNgo(Ngo ngo) {

	public String id() {
		return this.ngo.id();
	}

}
