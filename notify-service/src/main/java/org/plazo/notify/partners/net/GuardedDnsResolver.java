package org.plazo.notify.partners.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The webhook HTTP client's DNS resolution: resolves, refuses the whole answer when any
 * address in it is not allowed, and hands the client exactly the addresses it checked.
 * The client connects to those, so what was checked is what is reached: no second lookup
 * a DNS change could slip between (TOCTOU). TLS still verifies the host name, and the
 * {@code Host} header still carries it. A pooled connection stays bound to the address
 * checked when it was opened.
 */
public final class GuardedDnsResolver implements DnsResolver {

	private final HostResolver resolver;

	private final AddressPolicy policy;

	public GuardedDnsResolver(HostResolver resolver, AddressPolicy policy) {
		this.resolver = resolver;
		this.policy = policy;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return check(host).toArray(InetAddress[]::new);
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		check(host);
		return host;
	}

	/**
	 * The addresses of a host, all of them allowed.
	 * @throws RefusedAddressException when any is not, or there are none
	 */
	public List<InetAddress> check(String host) throws UnknownHostException {
		Optional<InetAddress> literal = AddressPolicy.literal(host);
		List<InetAddress> addresses;
		try {
			addresses = literal.isPresent() ? List.of(literal.get()) : this.resolver.resolve(host);
		}
		catch (RefusedAddressException ex) {
			throw ex;
		}
		catch (UnknownHostException ex) {
			throw new RefusedAddressException("the host name does not resolve");
		}
		if (addresses.isEmpty()) {
			throw new RefusedAddressException("the host name does not resolve");
		}
		for (InetAddress address : addresses) {
			Optional<String> refusal = this.policy.refusal(address);
			if (refusal.isPresent()) {
				throw new RefusedAddressException("the host resolves to " + refusal.get());
			}
		}
		return addresses;
	}

}
