package org.plazo.notify.partners.net;

import java.net.UnknownHostException;

/**
 * A host that resolves to an address webhooks may not reach, or does not resolve. An
 * {@link UnknownHostException} so that the HTTP client gives up connecting; the message
 * names the kind of address, never the address.
 */
public class RefusedAddressException extends UnknownHostException {

	public RefusedAddressException(String reason) {
		super(reason);
	}

}
