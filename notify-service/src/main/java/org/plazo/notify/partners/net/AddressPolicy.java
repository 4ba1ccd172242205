package org.plazo.notify.partners.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a webhook may be delivered to: public unicast only. Refused: loopback
 * (unless allowed for dev and tests), private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16, fe80::/10), cloud metadata (169.254.169.254, fd00:ec2::254),
 * shared address space (CGNAT, 100.64/10), multicast, unspecified, broadcast,
 * documentation, benchmarking and reserved ranges; an IPv6 address embedding an IPv4 one
 * (mapped, NAT64, 6to4) is judged by the IPv4 address.
 */
public final class AddressPolicy {

	private final boolean allowLoopback;

	/**
	 * @param allowLoopback accept 127/8 and ::1, for WireMock in tests and a local
	 * receiver in dev; never in production
	 */
	public AddressPolicy(boolean allowLoopback) {
		this.allowLoopback = allowLoopback;
	}

	/**
	 * Why an address is refused.
	 * @return the reason, safe to show, or empty when the address is allowed
	 */
	public Optional<String> refusal(InetAddress address) {
		if (address instanceof Inet6Address v6) {
			return refusal(v6);
		}
		return refusal4(address.getAddress());
	}

	private Optional<String> refusal(Inet6Address address) {
		byte[] b = address.getAddress();
		Optional<byte[]> embedded = embeddedIpv4(b);
		if (embedded.isPresent()) {
			return refusal4(embedded.get());
		}
		if (address.isAnyLocalAddress()) {
			return Optional.of("an unspecified address");
		}
		if (address.isLoopbackAddress()) {
			return this.allowLoopback ? Optional.empty() : Optional.of("a loopback address");
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0xfd && second == 0x00 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2) {
			return Optional.of("a cloud metadata address");
		}
		if ((first & 0xfe) == 0xfc) {
			return Optional.of("a private address");
		}
		if (first == 0xfe && (second & 0xc0) == 0x80) {
			return Optional.of("a link-local address");
		}
		if (first == 0xfe && (second & 0xc0) == 0xc0) {
			return Optional.of("a site-local address");
		}
		if (first == 0xff) {
			return Optional.of("a multicast address");
		}
		if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
			return Optional.of("a documentation address");
		}
		if ((first & 0xe0) != 0x20) {
			// Only 2000::/3 is global unicast.
			return Optional.of("a reserved address");
		}
		return Optional.empty();
	}

	private Optional<String> refusal4(byte[] b) {
		int a = b[0] & 0xff;
		int s = b[1] & 0xff;
		int t = b[2] & 0xff;
		int d = b[3] & 0xff;
		if (a == 169 && s == 254 && t == 169 && d == 254) {
			return Optional.of("a cloud metadata address");
		}
		if (a == 127) {
			return this.allowLoopback ? Optional.empty() : Optional.of("a loopback address");
		}
		if (a == 0) {
			return Optional.of("an unspecified address");
		}
		if (a == 10 || (a == 172 && (s & 0xf0) == 16) || (a == 192 && s == 168)) {
			return Optional.of("a private address");
		}
		if (a == 169 && s == 254) {
			return Optional.of("a link-local address");
		}
		if (a == 100 && (s & 0xc0) == 64) {
			return Optional.of("a shared (carrier-grade NAT) address");
		}
		if (a >= 224 && a <= 239) {
			return Optional.of("a multicast address");
		}
		if (a >= 240) {
			return Optional.of("a reserved address");
		}
		if ((a == 192 && s == 0 && t == 0) || (a == 192 && s == 0 && t == 2) || (a == 198 && s == 51 && t == 100)
				|| (a == 203 && s == 0 && t == 113) || (a == 198 && (s & 0xfe) == 18)) {
			return Optional.of("a reserved address");
		}
		return Optional.empty();
	}

	/**
	 * The IPv4 address inside an IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-compatible
	 * ({@code ::/96}), NAT64 ({@code 64:ff9b::/96}) or 6to4 ({@code 2002::/16}) address.
	 */
	private static Optional<byte[]> embeddedIpv4(byte[] b) {
		boolean zeroPrefix = true;
		for (int i = 0; i < 10; i++) {
			zeroPrefix &= b[i] == 0;
		}
		if (zeroPrefix && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || (b[10] == 0 && b[11] == 0
				&& !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))))) {
			return Optional.of(new byte[] { b[12], b[13], b[14], b[15] });
		}
		boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
				&& (b[3] & 0xff) == 0x9b;
		for (int i = 4; nat64 && i < 12; i++) {
			nat64 = b[i] == 0;
		}
		if (nat64) {
			return Optional.of(new byte[] { b[12], b[13], b[14], b[15] });
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			return Optional.of(new byte[] { b[2], b[3], b[4], b[5] });
		}
		return Optional.empty();
	}

	/** Parses an IP literal without any DNS lookup; empty when it is a name. */
	static Optional<InetAddress> literal(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		boolean v4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean v6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
		if (!v4 && !v6) {
			return Optional.empty();
		}
		try {
			// A literal is parsed, never looked up.
			return Optional.of(InetAddress.getByName(bare));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

}
