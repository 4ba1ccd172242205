package org.plazo.notify.sms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FailoverSmsGatewayTests {

	private final SmsMessage message = new SmsMessage("n-1", "case-1", "+50760001234", "Plazo: hola");

	@Test
	void primarySendsWhenItCan() {
		Provider primary = new Provider("twilio", null);
		Provider secondary = new Provider("smpp", null);

		SmsReceipt receipt = new FailoverSmsGateway(primary, secondary).send(this.message);

		assertThat(receipt.provider()).isEqualTo("twilio");
		assertThat(secondary.calls).isEmpty();
	}

	@Test
	void transientFailureOfThePrimaryFallsBackToTheSecondary() {
		Provider primary = new Provider("twilio", new SmsNotSent(SmsNotSent.Kind.TRANSIENT, "twilio", "HTTP_503"));
		Provider secondary = new Provider("smpp", null);

		assertThat(new FailoverSmsGateway(primary, secondary).send(this.message).provider()).isEqualTo("smpp");
		assertThat(primary.calls).hasSize(1);
	}

	@Test
	void rateLimitedPrimaryFallsBackToTheSecondary() {
		Provider primary = new Provider("twilio",
				new SmsNotSent(SmsNotSent.Kind.RATE_LIMITED, "twilio", "20429", Duration.ofSeconds(3)));

		assertThat(new FailoverSmsGateway(primary, new Provider("smpp", null)).send(this.message).provider())
			.isEqualTo("smpp");
	}

	@Test
	void permanentRefusalIsNotTriedElsewhere() {
		Provider primary = new Provider("twilio", new SmsNotSent(SmsNotSent.Kind.PERMANENT, "twilio", "21211"));
		Provider secondary = new Provider("smpp", null);

		assertThatExceptionOfType(SmsNotSent.class)
			.isThrownBy(() -> new FailoverSmsGateway(primary, secondary).send(this.message))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("21211"));
		assertThat(secondary.calls).isEmpty();
	}

	@Test
	void whenBothFailTheRetryWaitsForTheSoonerOfThem() {
		Provider primary = new Provider("twilio",
				new SmsNotSent(SmsNotSent.Kind.RATE_LIMITED, "twilio", "20429", Duration.ofSeconds(30)));
		Provider secondary = new Provider("smpp",
				new SmsNotSent(SmsNotSent.Kind.RATE_LIMITED, "smpp", "0x00000058", Duration.ofSeconds(1)));

		assertThatExceptionOfType(SmsNotSent.class)
			.isThrownBy(() -> new FailoverSmsGateway(primary, secondary).send(this.message))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
	}

	@Test
	void withoutASecondaryTheFailureIsPassedOn() {
		Provider primary = new Provider("twilio", new SmsNotSent(SmsNotSent.Kind.TRANSIENT, "twilio", "HTTP_503"));

		assertThatExceptionOfType(SmsNotSent.class)
			.isThrownBy(() -> new FailoverSmsGateway(primary, null).send(this.message))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(SmsNotSent.Kind.TRANSIENT));
	}

	@Test
	void bodyOverSixteenHundredCharactersIsRefusedBeforeAnyProvider() {
		Provider primary = new Provider("twilio", null);
		FailoverSmsGateway gateway = new FailoverSmsGateway(primary, null);

		assertThatExceptionOfType(SmsNotSent.class)
			.isThrownBy(() -> gateway.send(new SmsMessage("n-1", "case-1", "+50760001234", "a".repeat(1601))))
			.satisfies((ex) -> assertThat(ex).extracting(SmsNotSent::kind, SmsNotSent::code)
				.containsExactly(SmsNotSent.Kind.PERMANENT, "BODY_TOO_LONG"));
		assertThat(primary.calls).isEmpty();

		gateway.send(new SmsMessage("n-2", "case-1", "+50760001234", "a".repeat(1600)));
		// An emoji is one character, though two UTF-16 units.
		gateway.send(new SmsMessage("n-3", "case-1", "+50760001234", "\uD83D\uDE00".repeat(1600)));
		assertThat(primary.calls).hasSize(2);
	}

	private static final class Provider implements SmsProvider {

		private final String name;

		private final SmsNotSent failure;

		final List<SmsMessage> calls = new ArrayList<>();

		Provider(String name, SmsNotSent failure) {
			this.name = name;
			this.failure = failure;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public SmsReceipt send(SmsMessage message) {
			this.calls.add(message);
			if (this.failure != null) {
				throw this.failure;
			}
			return new SmsReceipt(this.name, 1, List.of("id-" + this.calls.size()));
		}

	}

}
