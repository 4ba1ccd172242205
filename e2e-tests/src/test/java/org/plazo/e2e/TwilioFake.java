package org.plazo.e2e;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Twilio's Programmable Messaging API, faked at the HTTP level: it accepts every message
 * and remembers it, and it signs inbound webhooks the way Twilio does.
 */
final class TwilioFake implements AutoCloseable {

	static final String ACCOUNT = "ACe2e0000000000000000000000000000";

	static final String TOKEN = "e2e-auth-token";

	static final String FROM = "+50760000000";

	/** The public URL notify-service believes it has; signatures are computed over it. */
	static final String PUBLIC_URL = "https://plazo.example.org";

	private final WireMockServer server = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().globalTemplating(true));

	private final Map<String, StubMapping> rejections = new ConcurrentHashMap<>();

	TwilioFake() {
		this.server.start();
		this.server.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\"}")));
	}

	/**
	 * From now on Twilio refuses every message to {@code phone} for good (error 21211, an
	 * invalid number), until {@link #acceptMessagesTo(String)}.
	 */
	void rejectMessagesTo(String phone) {
		this.rejections.put(phone,
				this.server.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json")).atPriority(1)
					.withRequestBody(containing("To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)))
					.willReturn(aResponse().withStatus(400)
						.withHeader("Content-Type", "application/json")
						.withBody("{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\","
								+ " \"status\": 400}"))));
	}

	/** Twilio accepts messages to {@code phone} again. */
	void acceptMessagesTo(String phone) {
		StubMapping rejection = this.rejections.remove(phone);
		if (rejection != null) {
			this.server.removeStub(rejection);
		}
	}

	List<String> serviceArguments() {
		return List.of("--plazo.sms.provider=twilio", "--plazo.sms.twilio.api-url=" + this.server.baseUrl(),
				"--plazo.sms.twilio.account-sid=" + ACCOUNT, "--plazo.sms.twilio.auth-token=" + TOKEN,
				"--plazo.sms.twilio.from=" + FROM, "--plazo.sms.twilio.public-url=" + PUBLIC_URL,
				"--plazo.sms.twilio.segments-per-second=1000", "--plazo.sms.twilio.burst=1000");
	}

	/** Every message Twilio was asked to send, oldest first. */
	List<Sms> sent() {
		return this.server.findAll(postRequestedFor(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json")))
			.stream()
			.map(TwilioFake::sms)
			.toList();
	}

	/**
	 * The form parameters and signature Twilio would send for a message from a person.
	 */
	static Map<String, String> inbound(String from, String body) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("AccountSid", ACCOUNT);
		form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()));
		form.put("From", from);
		form.put("To", FROM);
		form.put("Body", body);
		return form;
	}

	/**
	 * Twilio's signature: HMAC-SHA1 over the URL and the sorted POST parameters, base64.
	 */
	static String signature(String path, Map<String, String> form) {
		StringBuilder data = new StringBuilder(PUBLIC_URL + path);
		new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Sms sms(LoggedRequest request) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : request.getBodyAsString().split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
			}
		}
		return new Sms(form.get("To"), form.get("Body"));
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.server.stop();
	}

	/**
	 * One SMS as the provider received it.
	 *
	 * @param to the recipient
	 * @param body the text
	 */
	record Sms(String to, String body) {

	}

}
