package org.plazo.notify.partners.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPolicyTests {

	private final AddressPolicy policy = new AddressPolicy(false);

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.3.4.5", "::1", "10.0.0.5", "172.16.0.1", "172.31.255.254",
			"192.168.1.10", "169.254.169.254", "169.254.1.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "::",
			"224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "fc00::1", "fd12:3456::1", "fd00:ec2::254",
			"fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.5", "::ffff:169.254.169.254", "64:ff9b::a00:5",
			"2002:a00:5::1", "192.0.2.10", "198.51.100.7", "203.0.113.9", "198.18.0.1", "2001:db8::1", "fec0::1" })
	void refusesAddressesAWebhookMustNotReach(String literal) {
		assertThat(this.policy.refusal(TableResolver.address(literal))).as(literal).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
			"::ffff:93.184.216.34" })
	void allowsPublicUnicastAddresses(String literal) {
		assertThat(this.policy.refusal(TableResolver.address(literal))).as(literal).isEmpty();
	}

	@Test
	void namesTheKindOfAddressNeverTheAddress() {
		assertThat(this.policy.refusal(TableResolver.address("169.254.169.254"))).hasValue("a cloud metadata address");
		assertThat(this.policy.refusal(TableResolver.address("fd00:ec2::254"))).hasValue("a cloud metadata address");
		assertThat(this.policy.refusal(TableResolver.address("10.0.0.5"))).hasValue("a private address");
		assertThat(this.policy.refusal(TableResolver.address("100.64.0.1")))
			.hasValue("a shared (carrier-grade NAT) address");
	}

	@Test
	void allowsLoopbackOnlyWithTheDevFlag() {
		AddressPolicy dev = new AddressPolicy(true);
		assertThat(dev.refusal(TableResolver.address("127.0.0.1"))).isEmpty();
		assertThat(dev.refusal(TableResolver.address("::1"))).isEmpty();
		assertThat(dev.refusal(TableResolver.address("10.0.0.5"))).isPresent();
		assertThat(this.policy.refusal(TableResolver.address("127.0.0.1"))).hasValue("a loopback address");
	}

}
