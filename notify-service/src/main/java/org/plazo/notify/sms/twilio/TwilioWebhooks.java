package org.plazo.notify.sms.twilio;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.plazo.notify.sms.ConditionalOnSmsProvider;
import org.plazo.notify.sms.DeliveryReport;
import org.plazo.notify.sms.DeliveryReportHandler;
import org.plazo.notify.sms.InboundSms;
import org.plazo.notify.sms.InboundSmsHandler;
import org.plazo.notify.sms.InvalidWebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Twilio's webhooks: message status callbacks and inbound messages. Each request must
 * carry Twilio's signature of the public URL it was sent to and its parameters; otherwise
 * it is refused with 403 and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/sms/twilio")
@ConditionalOnSmsProvider("twilio")
class TwilioWebhooks {

	static final String SIGNATURE = "X-Twilio-Signature";

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

	private final String authToken;

	private final String publicUrl;

	private final DeliveryReportHandler reports;

	private final InboundSmsHandler inbound;

	private final Clock clock;

	TwilioWebhooks(@Value("${plazo.sms.twilio.auth-token}") String authToken,
			@Value("${plazo.sms.twilio.public-url}") String publicUrl, DeliveryReportHandler reports,
			InboundSmsHandler inbound, Clock clock) {
		this.authToken = authToken;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.reports = reports;
		this.inbound = inbound;
		this.clock = clock;
	}

	@PostMapping(path = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Void> status(HttpServletRequest request,
			@RequestHeader(name = SIGNATURE, required = false) String signature) {
		Map<String, String> parameters = verified(request, signature);
		String sid = parameters.get("MessageSid");
		DeliveryReport.Outcome outcome = switch (parameters.getOrDefault("MessageStatus", "")) {
			case "delivered" -> DeliveryReport.Outcome.DELIVERED;
			case "undelivered", "failed" -> DeliveryReport.Outcome.UNDELIVERED;
			// queued, sending, sent...: not final yet.
			default -> null;
		};
		if (StringUtils.hasText(sid) && outcome != null) {
			this.reports.onReport(new DeliveryReport(TwilioSms.PROVIDER, sid, outcome, parameters.get("ErrorCode"),
					this.clock.instant()));
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.TEXT_XML_VALUE)
	ResponseEntity<String> inbound(HttpServletRequest request,
			@RequestHeader(name = SIGNATURE, required = false) String signature) {
		Map<String, String> parameters = verified(request, signature);
		// Replies go out through the SMS gateway, like every other message: the TwiML
		// answer is empty.
		this.inbound.onInbound(new InboundSms(TwilioSms.PROVIDER, parameters.getOrDefault("From", ""),
				parameters.getOrDefault("Body", ""), this.clock.instant()));
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
	}

	private Map<String, String> verified(HttpServletRequest request, String signature) {
		String query = request.getQueryString();
		String url = this.publicUrl + request.getRequestURI() + ((query != null) ? "?" + query : "");
		Set<String> queryNames = (query != null)
				? UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams().keySet() : Set.of();
		Map<String, String> parameters = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			// Twilio signs the POST body's parameters; those of the query string are in
			// the URL.
			if (!queryNames.contains(name) && values.length > 0) {
				parameters.put(name, values[0]);
			}
		});
		if (!TwilioSignature.isValid(this.authToken, url, parameters, signature)) {
			log.warn("Twilio webhook {} refused: missing or invalid signature", request.getRequestURI());
			throw new InvalidWebhookSignature(TwilioSms.PROVIDER);
		}
		return parameters;
	}

}
