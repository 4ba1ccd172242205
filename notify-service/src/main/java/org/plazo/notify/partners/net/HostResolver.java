package org.plazo.notify.partners.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to its addresses. The system's DNS in production; tests put a
 * table in its place, so that a name resolving to a private address is tested without
 * real DNS.
 */
@FunctionalInterface
public interface HostResolver {

	List<InetAddress> resolve(String host) throws UnknownHostException;

	static HostResolver system() {
		return (host) -> List.of(InetAddress.getAllByName(host));
	}

}
