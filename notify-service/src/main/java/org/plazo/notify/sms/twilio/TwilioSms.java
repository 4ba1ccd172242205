package org.plazo.notify.sms.twilio;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.plazo.notify.sms.ConditionalOnSmsProvider;
import org.plazo.notify.sms.SmsMessage;
import org.plazo.notify.sms.SmsNotSent;
import org.plazo.notify.sms.SmsProvider;
import org.plazo.notify.sms.SmsReceipt;
import org.plazo.notify.sms.SmsSegments;
import org.plazo.notify.sms.TokenBucket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends SMS through Twilio's Programmable Messaging API: {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded, with HTTP Basic
 * authentication (account SID and auth token). Twilio reports what became of each message
 * to the status callback ({@link TwilioWebhooks}). A token bucket paces the sender: a
 * long code sends one segment a second.
 */
@Component
@ConditionalOnSmsProvider("twilio")
class TwilioSms implements SmsProvider {

	static final String PROVIDER = "twilio";

	static final String STATUS_PATH = "/api/v1/sms/twilio/status";

	private final RestClient client;

	private final String accountSid;

	private final String from;

	private final String messagingServiceSid;

	private final String statusCallback;

	private final TokenBucket bucket;

	private final JsonMapper json = JsonMapper.builder().build();

	TwilioSms(@Value("${plazo.sms.twilio.api-url}") String apiUrl,
			@Value("${plazo.sms.twilio.account-sid}") String accountSid,
			@Value("${plazo.sms.twilio.auth-token}") String authToken, @Value("${plazo.sms.twilio.from}") String from,
			@Value("${plazo.sms.twilio.messaging-service-sid}") String messagingServiceSid,
			@Value("${plazo.sms.twilio.public-url}") String publicUrl,
			@Value("${plazo.sms.twilio.connect-timeout}") Duration connectTimeout,
			@Value("${plazo.sms.twilio.read-timeout}") Duration readTimeout,
			@Value("${plazo.sms.twilio.segments-per-second}") double segmentsPerSecond,
			@Value("${plazo.sms.twilio.burst}") double burst, Clock clock) {
		if (!StringUtils.hasText(accountSid) || !StringUtils.hasText(authToken)
				|| (!StringUtils.hasText(from) && !StringUtils.hasText(messagingServiceSid))) {
			throw new IllegalStateException(
					"Twilio needs plazo.sms.twilio.account-sid, .auth-token, " + "and .from or .messaging-service-sid");
		}
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(connectTimeout).build());
		requests.setReadTimeout(readTimeout);
		this.client = RestClient.builder()
			.baseUrl(apiUrl)
			.requestFactory(requests)
			.defaultHeaders((headers) -> headers.setBasicAuth(accountSid, authToken))
			.build();
		this.accountSid = accountSid;
		this.from = from;
		this.messagingServiceSid = messagingServiceSid;
		this.statusCallback = StringUtils.hasText(publicUrl) ? trimSlash(publicUrl) + STATUS_PATH : null;
		this.bucket = new TokenBucket(segmentsPerSecond, burst, clock);
	}

	@Override
	public String name() {
		return PROVIDER;
	}

	@Override
	public SmsReceipt send(SmsMessage message) {
		int segments = SmsSegments.of(message.text()).segments();
		Duration wait = this.bucket.take(segments);
		if (!wait.isZero()) {
			throw new SmsNotSent(SmsNotSent.Kind.RATE_LIMITED, PROVIDER, "TOKEN_BUCKET", wait);
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("To", message.to());
		if (StringUtils.hasText(this.messagingServiceSid)) {
			form.add("MessagingServiceSid", this.messagingServiceSid);
		}
		else {
			form.add("From", this.from);
		}
		form.add("Body", message.text());
		if (this.statusCallback != null) {
			form.add("StatusCallback", this.statusCallback);
		}
		try {
			return this.client.post()
				.uri("/2010-04-01/Accounts/{accountSid}/Messages.json", this.accountSid)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.exchange((request, response) -> {
					byte[] body = response.getBody().readAllBytes();
					JsonNode answer = read(body);
					int status = response.getStatusCode().value();
					if (response.getStatusCode().is2xxSuccessful()) {
						String sid = text(answer, "sid");
						if (sid == null) {
							throw new SmsNotSent(SmsNotSent.Kind.TRANSIENT, PROVIDER, "NO_SID");
						}
						return new SmsReceipt(PROVIDER, billed(answer, segments), List.of(sid));
					}
					Integer code = (answer != null && answer.path("code").isNumber()) ? answer.path("code").asInt()
							: null;
					// Twilio's message may quote the number: only the code is kept.
					throw new SmsNotSent(TwilioErrors.classify(status, code), PROVIDER,
							(code != null) ? code.toString() : "HTTP_" + status, retryAfter(response.getHeaders()));
				});
		}
		catch (ResourceAccessException ex) {
			// Connection refused, reset or timed out: the message may or may not have
			// reached Twilio.
			throw new SmsNotSent(SmsNotSent.Kind.TRANSIENT, PROVIDER, "IO_" + ex.getCause().getClass().getSimpleName());
		}
	}

	private JsonNode read(byte[] body) {
		try {
			return (body.length == 0) ? null : this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String text(JsonNode node, String field) {
		return (node != null && node.hasNonNull(field)) ? node.get(field).asString() : null;
	}

	private static int billed(JsonNode answer, int counted) {
		String segments = text(answer, "num_segments");
		try {
			return (segments != null) ? Integer.parseInt(segments) : counted;
		}
		catch (NumberFormatException ex) {
			return counted;
		}
	}

	private static Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException ex) {
			// An HTTP date: rare from Twilio; a short pause will do.
			return Duration.ofSeconds(1);
		}
	}

	private static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
