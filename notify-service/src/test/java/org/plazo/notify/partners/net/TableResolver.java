package org.plazo.notify.partners.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DNS as a table the test writes: no real lookup ever happens. Addresses are built from
 * their bytes, so nothing is resolved to build them either.
 */
public final class TableResolver implements HostResolver {

	private final Map<String, List<InetAddress>> table = new ConcurrentHashMap<>();

	public TableResolver answer(String host, String... addresses) {
		this.table.put(host, java.util.Arrays.stream(addresses).map(TableResolver::address).toList());
		return this;
	}

	@Override
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		List<InetAddress> addresses = this.table.get(host);
		if (addresses == null) {
			throw new UnknownHostException("not in the test's table");
		}
		return addresses;
	}

	/** An address from its literal, which the JDK parses without a lookup. */
	public static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
