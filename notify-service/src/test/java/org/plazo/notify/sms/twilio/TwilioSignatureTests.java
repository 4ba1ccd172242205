package org.plazo.notify.sms.twilio;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature against values computed outside this code (Twilio's documented example,
 * and {@code openssl dgst -sha1 -hmac <token> -binary | base64} over the concatenation).
 */
class TwilioSignatureTests {

	private static final Map<String, String> TWILIO_EXAMPLE = new LinkedHashMap<>();

	static {
		// In the order a form would send them: the signature sorts them.
		TWILIO_EXAMPLE.put("To", "+18005551212");
		TWILIO_EXAMPLE.put("From", "+12349013030");
		TWILIO_EXAMPLE.put("Digits", "1234");
		TWILIO_EXAMPLE.put("Caller", "+12349013030");
		TWILIO_EXAMPLE.put("CallSid", "CA1234567890ABCDE");
	}

	@Test
	void signsTheUrlAndTheSortedParametersAsTwilioDocumentsIt() {
		assertThat(TwilioSignature.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", TWILIO_EXAMPLE))
			.isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
	}

	@Test
	void signsAStatusCallback() {
		Map<String, String> callback = Map.of("MessageStatus", "undelivered", "MessageSid",
				"SM0123456789abcdef0123456789abcdef", "ErrorCode", "30003", "AccountSid", TwilioFixtures.ACCOUNT_SID);

		assertThat(TwilioSignature.sign(TwilioFixtures.AUTH_TOKEN, "https://notify.plazo.test/api/v1/sms/twilio/status",
				callback))
			.isEqualTo("SjXVj14vBvYGszCBVpUPh37+D90=");
	}

	@Test
	void acceptsOnlyTheExactSignature() {
		String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
		assertThat(TwilioSignature.isValid("12345", url, TWILIO_EXAMPLE, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
		assertThat(TwilioSignature.isValid("12345", url, TWILIO_EXAMPLE, "1/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
		assertThat(TwilioSignature.isValid("54321", url, TWILIO_EXAMPLE, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
		assertThat(TwilioSignature.isValid("12345", url.replace("https", "http"), TWILIO_EXAMPLE,
				"0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
			.isFalse();
		assertThat(TwilioSignature.isValid("12345", url, TWILIO_EXAMPLE, null)).isFalse();
		assertThat(TwilioSignature.isValid("12345", url, TWILIO_EXAMPLE, "")).isFalse();
	}

}
