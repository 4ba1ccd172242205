package org.plazo.notify.sms;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.plazo.notify.sms.smpp.SmppFixtures;
import org.plazo.notify.sms.twilio.TwilioFixtures;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which adapters exist and how the gateway combines them, by configuration.
 */
class SmsConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		// As in the application: "PT1S" and the like become Durations.
		.withInitializer((context) -> context.getBeanFactory()
			.setConversionService(ApplicationConversionService.getSharedInstance()))
		.withPropertyValues("plazo.sms.dev.outbox=target/sms-configuration-tests/outbox.jsonl",
				"plazo.sms.twilio.api-url=http://127.0.0.1:9",
				"plazo.sms.twilio.account-sid=" + TwilioFixtures.ACCOUNT_SID,
				"plazo.sms.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
				"plazo.sms.twilio.from=" + TwilioFixtures.FROM, "plazo.sms.twilio.messaging-service-sid=",
				"plazo.sms.twilio.public-url=" + TwilioFixtures.PUBLIC_URL, "plazo.sms.twilio.connect-timeout=PT1S",
				"plazo.sms.twilio.read-timeout=PT1S", "plazo.sms.twilio.segments-per-second=1",
				"plazo.sms.twilio.burst=10")
		.withPropertyValues(SmppFixtures.properties())
		.withBean(Clock.class, () -> Clock.fixed(Instant.parse("2026-08-04T15:00:00Z"), ZoneOffset.UTC))
		.withBean(DeliveryReportHandler.class, () -> mock(DeliveryReportHandler.class))
		.withBean(InboundSmsHandler.class, () -> mock(InboundSmsHandler.class))
		.withUserConfiguration(SmsConfiguration.class, DevSmsOutbox.class, TwilioFixtures.adapterClass(),
				SmppFixtures.adapterClass());

	@Test
	void embeddedDefaultIsTheDevFileAlone() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(SmsProvider.class).hasSingleBean(DevSmsOutbox.class);
			assertThat(context.getBean(SmsGateway.class))
				.hasToString("FailoverSmsGateway[primary=dev, secondary=none]");
		});
	}

	@Test
	void twilioWithSmppAsSecondary() {
		this.contexts.withPropertyValues("plazo.sms.provider=twilio", "plazo.sms.secondary=smpp").run((context) -> {
			assertThat(context).doesNotHaveBean(DevSmsOutbox.class);
			assertThat(context.getBeansOfType(SmsProvider.class)).hasSize(2);
			assertThat(context.getBean(SmsGateway.class))
				.hasToString("FailoverSmsGateway[primary=twilio, secondary=smpp]");
		});
	}

	@Test
	void unknownProviderStopsTheStart() {
		this.contexts.withPropertyValues("plazo.sms.provider=carrier-pigeon")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Unknown SMS provider 'carrier-pigeon'"));
	}

}
