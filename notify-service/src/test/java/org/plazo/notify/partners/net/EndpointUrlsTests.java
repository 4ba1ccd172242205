package org.plazo.notify.partners.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check at registration. Resolution comes from a table: no real DNS.
 */
class EndpointUrlsTests {

	private final TableResolver dns = new TableResolver().answer("hooks.ong.example", "93.184.216.34")
		.answer("intranet.ong.example", "10.0.0.5")
		.answer("mixed.ong.example", "93.184.216.34", "192.168.0.7")
		.answer("metadata.ong.example", "169.254.169.254");

	private final EndpointUrls production = new EndpointUrls(new GuardedDnsResolver(this.dns, new AddressPolicy(false)),
			false);

	@Test
	void acceptsAnHttpsUrlOfAPublicHost() {
		assertThat(this.production.problem("https://hooks.ong.example/plazo?x=1")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1/hook", "https://[::1]/hook", "https://10.0.0.5/hook",
			"https://169.254.169.254/latest/meta-data", "https://[fd00:ec2::254]/", "https://100.64.1.1/",
			"https://[::ffff:127.0.0.1]/", "https://intranet.ong.example/hook", "https://mixed.ong.example/hook",
			"https://metadata.ong.example/", "https://unknown.ong.example/hook" })
	void refusesHostsThatResolveToAddressesWebhooksMustNotReach(String url) {
		assertThat(this.production.problem(url)).as(url).hasValueSatisfying((detail) -> {
			assertThat(detail).startsWith("is not allowed");
			assertThat(detail).doesNotContain("10.0.0.5", "169.254", "127.0.0.1");
		});
	}

	@Test
	void refusesPlainHttpOutsideDev() {
		assertThat(this.production.problem("http://hooks.ong.example/hook")).hasValue("must use https");
		EndpointUrls dev = new EndpointUrls(new GuardedDnsResolver(this.dns, new AddressPolicy(false)), true);
		assertThat(dev.problem("http://hooks.ong.example/hook")).isEmpty();
	}

	@Test
	void refusesMalformedUrls() {
		assertThat(this.production.problem("not a url")).isPresent();
		assertThat(this.production.problem("/relative/hook")).hasValue("must be an absolute https URL");
		assertThat(this.production.problem("ftp://hooks.ong.example/")).hasValue("must use https");
		assertThat(this.production.problem("https://user:secret@hooks.ong.example/"))
			.hasValue("must not contain user information");
		assertThat(this.production.problem("https://hooks.ong.example/#frag")).hasValue("must not contain a fragment");
		assertThat(this.production.problem("https://hooks.ong.example/" + "a".repeat(2100)))
			.hasValue("must be at most 2048 characters");
	}

	@Test
	void refusesLoopbackUnlessTheDevFlagAllowsIt() {
		assertThat(this.production.problem("https://127.0.0.1:8443/hook")).isPresent();
		EndpointUrls dev = new EndpointUrls(new GuardedDnsResolver(this.dns, new AddressPolicy(true)), true);
		assertThat(dev.problem("http://127.0.0.1:8443/hook")).isEmpty();
		assertThat(dev.problem("http://10.0.0.5/hook")).isPresent();
	}

}
