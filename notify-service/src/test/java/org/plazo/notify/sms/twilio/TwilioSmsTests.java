package org.plazo.notify.sms.twilio;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.notify.sms.SmsMessage;
import org.plazo.notify.sms.SmsNotSent;
import org.plazo.notify.sms.SmsReceipt;
import org.plazo.notify.testing.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Twilio adapter against WireMock standing in for Twilio's REST API.
 */
class TwilioSmsTests {

	private static final String MESSAGES = "/2010-04-01/Accounts/" + TwilioFixtures.ACCOUNT_SID + "/Messages.json";

	private static final WireMockServer twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private final MutableClock clock = new MutableClock(Instant.parse("2026-08-04T15:00:00Z"));

	private final SmsMessage message = new SmsMessage("case-1:FILING_WINDOW:P-30D:SMS", "case-1", "+50760001234",
			"Plazo: su último día es el jueves, 3 de septiembre de 2026 [ONPAR] €");

	private TwilioSms sms;

	@BeforeAll
	static void start() {
		twilio.start();
	}

	@AfterAll
	static void stop() {
		twilio.stop();
	}

	@BeforeEach
	void reset() {
		twilio.resetAll();
		this.sms = twilio(Duration.ofSeconds(2), 10, 20, "");
	}

	@Test
	void postsTheFormWithBasicAuthAndReturnsTheMessageSid() {
		twilio.stubFor(post(MESSAGES).willReturn(created("SM0123", "2")));

		SmsReceipt receipt = this.sms.send(this.message);

		assertThat(receipt).isEqualTo(new SmsReceipt("twilio", 2, java.util.List.of("SM0123")));
		String basic = Base64.getEncoder()
			.encodeToString(
					(TwilioFixtures.ACCOUNT_SID + ":" + TwilioFixtures.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
		twilio.verify(1,
				postRequestedFor(urlEqualTo(MESSAGES)).withHeader("Authorization", equalTo("Basic " + basic))
					.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
					.withFormParam("To", equalTo("+50760001234"))
					.withFormParam("From", equalTo(TwilioFixtures.FROM))
					.withFormParam("Body", equalTo(this.message.text()))
					.withFormParam("StatusCallback", equalTo("https://notify.plazo.test/api/v1/sms/twilio/status")));
	}

	@Test
	void sendsThroughAMessagingServiceWhenOneIsConfigured() {
		this.sms = twilio(Duration.ofSeconds(2), 10, 20, "MG0123456789abcdef0123456789abcdef");
		twilio.stubFor(post(MESSAGES).willReturn(created("SM0124", "1")));

		this.sms.send(this.message);

		twilio.verify(postRequestedFor(urlEqualTo(MESSAGES))
			.withFormParam("MessagingServiceSid", equalTo("MG0123456789abcdef0123456789abcdef"))
			.withoutFormParam("From"));
	}

	@Test
	void invalidNumberIsAPermanentRefusalWhoseMessageHoldsNoNumber() {
		twilio.stubFor(post(MESSAGES)
			.willReturn(twilioError(400, 21211, "The 'To' number +50760001234 is not a valid phone number.")));

		assertThatExceptionOfType(SmsNotSent.class).isThrownBy(() -> this.sms.send(this.message)).satisfies((ex) -> {
			assertThat(ex.kind()).isEqualTo(SmsNotSent.Kind.PERMANENT);
			assertThat(ex.code()).isEqualTo("21211");
		}).withMessageNotContaining("50760001234");
	}

	@Test
	void unsubscribedAndLandlineNumbersAreRefusedForGood() {
		for (int code : new int[] { 21610, 21614 }) {
			twilio.stubFor(post(MESSAGES).willReturn(twilioError(400, code, "refused")));
			assertThatExceptionOfType(SmsNotSent.class).isThrownBy(() -> this.sms.send(this.message))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(SmsNotSent.Kind.PERMANENT));
		}
	}

	@Test
	void tooManyRequestsHonoursRetryAfter() {
		twilio.stubFor(
				post(MESSAGES).willReturn(twilioError(429, 20429, "Too Many Requests").withHeader("Retry-After", "7")));

		assertThatExceptionOfType(SmsNotSent.class).isThrownBy(() -> this.sms.send(this.message)).satisfies((ex) -> {
			assertThat(ex.kind()).isEqualTo(SmsNotSent.Kind.RATE_LIMITED);
			assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		});
	}

	@Test
	void twiliosOwnTroubleIsTransient() {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(SmsNotSent.class).isThrownBy(() -> this.sms.send(this.message))
			.satisfies((ex) -> assertThat(ex).extracting(SmsNotSent::kind, SmsNotSent::code)
				.containsExactly(SmsNotSent.Kind.TRANSIENT, "HTTP_503"));

		twilio.stubFor(post(MESSAGES).willReturn(twilioError(500, 20500, "Internal Server Error")));
		assertThatExceptionOfType(SmsNotSent.class).isThrownBy(() -> this.sms.send(this.message))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(SmsNotSent.Kind.TRANSIENT));
	}

	@Test
	void slowAnswerTimesOutAsATransientFailure() {
		this.sms = twilio(Duration.ofMillis(300), 10, 20, "");
		twilio.stubFor(post(MESSAGES).willReturn(created("SM0125", "1").withFixedDelay(2_000)));

		assertThatExceptionOfType(SmsNotSent.class).isThrownBy(() -> this.sms.send(this.message))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(SmsNotSent.Kind.TRANSIENT));
	}

	@Test
	void tokenBucketPacesTheSenderWithoutCallingTwilio() {
		// One segment a second, two at most in a burst; the message has two.
		this.sms = twilio(Duration.ofSeconds(2), 1, 2, "");
		twilio.stubFor(post(MESSAGES).willReturn(created("SM0126", "2")));
		SmsMessage twoParts = new SmsMessage("n-1", "case-1", "+50760001234", "a".repeat(200));

		this.sms.send(twoParts);
		assertThatExceptionOfType(SmsNotSent.class).isThrownBy(() -> this.sms.send(twoParts))
			.satisfies((ex) -> assertThat(ex).extracting(SmsNotSent::kind, SmsNotSent::retryAfter)
				.containsExactly(SmsNotSent.Kind.RATE_LIMITED, Duration.ofSeconds(2)));
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));

		this.clock.advance(Duration.ofSeconds(2));
		this.sms.send(twoParts);
		twilio.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	private TwilioSms twilio(Duration readTimeout, double perSecond, double burst, String messagingService) {
		return new TwilioSms(twilio.baseUrl(), TwilioFixtures.ACCOUNT_SID, TwilioFixtures.AUTH_TOKEN,
				TwilioFixtures.FROM, messagingService, TwilioFixtures.PUBLIC_URL, Duration.ofSeconds(1), readTimeout,
				perSecond, burst, this.clock);
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String sid, String segments) {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"num_segments\":\"" + segments
					+ "\",\"account_sid\":\"" + TwilioFixtures.ACCOUNT_SID + "\"}");
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder twilioError(int status, int code,
			String message) {
		return WireMock.aResponse()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":" + code + ",\"message\":\"" + message
					+ "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status
					+ "}");
	}

}
