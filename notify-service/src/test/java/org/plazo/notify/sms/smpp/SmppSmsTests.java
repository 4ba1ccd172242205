package org.plazo.notify.sms.smpp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.notify.sms.DeliveryReport;
import org.plazo.notify.sms.InboundSms;
import org.plazo.notify.sms.SmsMessage;
import org.plazo.notify.sms.SmsNotSent;
import org.plazo.notify.sms.SmsReceipt;
import org.plazo.notify.sms.TokenBucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The SMPP adapter against an SMSC built on jSMPP's server session, over loopback.
 */
class SmppSmsTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-08-04T15:00:00Z"), ZoneOffset.UTC);

	private final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();

	private final List<InboundSms> inbound = new CopyOnWriteArrayList<>();

	private InProcessSmsc smsc;

	private SmppSms sms;

	@BeforeEach
	void bind() throws Exception {
		this.smsc = new InProcessSmsc();
		this.sms = smpp(this.smsc.port(), Duration.ofMillis(200));
		this.sms.start();
		await().atMost(Duration.ofSeconds(10)).until(this.sms::isBound);
	}

	@AfterEach
	void stop() throws Exception {
		this.sms.stop();
		this.smsc.close();
	}

	@Test
	void bindsAsATransceiverAndSubmitsGsm7AskingForAReceipt() {
		SmsReceipt receipt = this.sms.send(message("Plazo: vaya a [ONPAR] hoy, 5€"));

		assertThat(this.smsc.binds).hasValue(1);
		assertThat(this.smsc.submitted).singleElement().satisfies((submit) -> {
			assertThat(submit.getDataCoding()).isEqualTo((byte) 0);
			assertThat(submit.getDestAddress()).isEqualTo("50760001234");
			assertThat(submit.getDestAddrTon()).isEqualTo((byte) 1);
			assertThat(submit.getRegisteredDelivery()).isEqualTo((byte) 1);
			// GSM 03.38: '[' is escape 0x1B then 0x3C, '€' is 0x1B then 0x65; 'P' 0x50.
			assertThat(submit.getShortMessage()).startsWith(0x50, 0x6C, 0x61, 0x7A, 0x6F)
				.containsSequence(0x1B, 0x3C, 0x4F, 0x4E, 0x50, 0x41, 0x52, 0x1B, 0x3E)
				.endsWith(0x35, 0x1B, 0x65);
		});
		assertThat(receipt.provider()).isEqualTo("smpp");
		assertThat(receipt.segments()).isOne();
		assertThat(receipt.messageIds()).containsExactly("1001");
	}

	@Test
	void longMessageGoesAsConcatenatedPartsWithAUserDataHeader() {
		SmsReceipt receipt = this.sms.send(message("a".repeat(200)));

		assertThat(receipt.segments()).isEqualTo(2);
		assertThat(receipt.messageIds()).hasSize(2);
		List<SubmitSm> parts = this.smsc.submitted;
		assertThat(parts).hasSize(2);
		byte reference = parts.get(0).getShortMessage()[3];
		for (int i = 0; i < 2; i++) {
			SubmitSm part = parts.get(i);
			assertThat(GSMSpecificFeature.UDHI.containedIn(part.getEsmClass())).isTrue();
			assertThat(part.getShortMessage()).startsWith(0x05, 0x00, 0x03, reference, 0x02, i + 1);
		}
		assertThat(parts.get(0).getShortMessage()).hasSize(6 + 153);
		assertThat(parts.get(1).getShortMessage()).hasSize(6 + 47);
	}

	@Test
	void textOutsideGsm7GoesAsUcs2() {
		this.sms.send(message("Plazo: مرحبا"));

		SubmitSm submit = this.smsc.submitted.get(0);
		assertThat(submit.getDataCoding()).isEqualTo((byte) 0x08);
		assertThat(new String(submit.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Plazo: مرحبا");
	}

	@Test
	void deliveryReceiptsAreReported() throws Exception {
		String delivered = this.sms.send(message("uno")).messageIds().get(0);
		String lost = this.sms.send(message("dos")).messageIds().get(0);

		this.smsc.receipt(delivered, DeliveryReceiptState.DELIVRD);
		this.smsc.receipt(lost, DeliveryReceiptState.UNDELIV);

		await().untilAsserted(() -> assertThat(this.reports).hasSize(2));
		assertThat(this.reports).anySatisfy((report) -> {
			assertThat(report.messageId()).isEqualTo(delivered);
			assertThat(report.outcome()).isEqualTo(DeliveryReport.Outcome.DELIVERED);
		}).anySatisfy((report) -> {
			assertThat(report.messageId()).isEqualTo(lost);
			assertThat(report.outcome()).isEqualTo(DeliveryReport.Outcome.UNDELIVERED);
			assertThat(report.errorCode()).startsWith("UNDELIV");
		});
		assertThat(this.inbound).isEmpty();
	}

	@Test
	void messageAPersonSendsIsHandedOnWithTheirInternationalNumber() throws Exception {
		this.smsc.personWrites("50760001234", "STOP");

		await().untilAsserted(() -> assertThat(this.inbound).singleElement().satisfies((sms) -> {
			assertThat(sms.provider()).isEqualTo("smpp");
			assertThat(sms.from()).isEqualTo("+50760001234");
			assertThat(sms.text()).isEqualTo("STOP");
		}));
		assertThat(this.reports).isEmpty();
	}

	@Test
	void enquireLinkKeepsTheSessionAlive() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.smsc.enquireLinks.get() >= 2);
		assertThat(this.sms.isBound()).isTrue();
	}

	@Test
	void lostSessionIsBoundAgainAndSendingGoesOn() {
		this.smsc.dropSession();

		await().atMost(Duration.ofSeconds(20)).until(() -> this.smsc.binds.get() == 2 && this.sms.isBound());
		this.sms.send(message("otra vez"));
		assertThat(this.smsc.submitted).hasSize(1);
	}

	@Test
	void withoutASessionSendingFailsTransiently() throws Exception {
		SmppSms unbound = smpp(this.smsc.port() + 1, Duration.ofSeconds(30));

		assertThatExceptionOfType(SmsNotSent.class).isThrownBy(() -> unbound.send(message("hola")))
			.satisfies((ex) -> assertThat(ex).extracting(SmsNotSent::kind, SmsNotSent::code)
				.containsExactly(SmsNotSent.Kind.TRANSIENT, "NOT_BOUND"));
	}

	private SmppSms smpp(int port, Duration enquireLink) {
		SmppSms.Settings settings = new SmppSms.Settings("127.0.0.1", port, "plazo", "secret", "", "Plazo", enquireLink,
				Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(1));
		return new SmppSms(settings, new SmppReceiver(() -> this.reports::add, () -> this.inbound::add, this.clock),
				new TokenBucket(100, 100, this.clock));
	}

	private static SmsMessage message(String text) {
		return new SmsMessage("n-1", "case-1", "+50760001234", text);
	}

}
