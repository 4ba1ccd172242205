package org.plazo.notify.sms.twilio;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.plazo.notify.sms.SmsProvider;

/**
 * A Twilio adapter for tests in other packages, pointed at a WireMock server.
 */
public final class TwilioFixtures {

	public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

	public static final String AUTH_TOKEN = "test-auth-token-0123456789";

	public static final String FROM = "+50760009999";

	public static final String PUBLIC_URL = "https://notify.plazo.test";

	private TwilioFixtures() {
	}

	public static SmsProvider twilio(String apiUrl, Clock clock, double segmentsPerSecond, double burst) {
		return new TwilioSms(apiUrl, ACCOUNT_SID, AUTH_TOKEN, FROM, "", PUBLIC_URL, Duration.ofSeconds(2),
				Duration.ofSeconds(2), segmentsPerSecond, burst, clock);
	}

	public static Class<?> adapterClass() {
		return TwilioSms.class;
	}

	public static String sign(String url, Map<String, String> parameters) {
		return TwilioSignature.sign(AUTH_TOKEN, url, parameters);
	}

}
