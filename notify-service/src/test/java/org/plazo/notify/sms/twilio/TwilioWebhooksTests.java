package org.plazo.notify.sms.twilio;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plazo.notify.sms.DeliveryReport;
import org.plazo.notify.sms.DeliveryReportHandler;
import org.plazo.notify.sms.InboundSms;
import org.plazo.notify.sms.InboundSmsHandler;
import org.plazo.notify.security.NotifySecurity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// Only this controller and the service's problem advice: other features' web components
// (filters, interceptors) have their own tests.
@WebMvcTest(controllers = TwilioWebhooks.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "org\\.plazo\\.notify\\.(?!sms|ApiProblems).*"),
		properties = { "plazo.sms.provider=twilio", "plazo.sms.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
				"plazo.sms.twilio.public-url=" + TwilioFixtures.PUBLIC_URL })
// The real filter chains: the webhooks keep their signatures and need no token.
@Import(NotifySecurity.class)
class TwilioWebhooksTests {

	private static final String STATUS_URL = TwilioFixtures.PUBLIC_URL + "/api/v1/sms/twilio/status";

	private static final String INBOUND_URL = TwilioFixtures.PUBLIC_URL + "/api/v1/sms/twilio/inbound";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private DeliveryReportHandler reports;

	@MockitoBean
	private InboundSmsHandler inbound;

	@Test
	void signedDeliveredCallbackIsReported() throws Exception {
		Map<String, String> callback = callback("delivered", null);

		this.mvc.perform(signed(post("/api/v1/sms/twilio/status"), STATUS_URL, callback))
			.andExpect(status().isNoContent());

		verify(this.reports)
			.onReport(org.mockito.ArgumentMatchers.argThat((DeliveryReport report) -> report.provider().equals("twilio")
					&& report.messageId().equals("SM0123456789abcdef0123456789abcdef")
					&& report.outcome() == DeliveryReport.Outcome.DELIVERED && report.errorCode() == null));
	}

	@Test
	void signedUndeliveredCallbackIsReportedWithItsErrorCode() throws Exception {
		Map<String, String> callback = callback("undelivered", "30003");

		this.mvc
			.perform(post("/api/v1/sms/twilio/status").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header("X-Twilio-Signature", "SjXVj14vBvYGszCBVpUPh37+D90=")
				.params(form(callback)))
			.andExpect(status().isNoContent());

		verify(this.reports).onReport(org.mockito.ArgumentMatchers
			.argThat((DeliveryReport report) -> report.outcome() == DeliveryReport.Outcome.UNDELIVERED
					&& "30003".equals(report.errorCode())));
	}

	@Test
	void callbacksOfStatesThatAreNotFinalReportNothing() throws Exception {
		for (String state : new String[] { "queued", "sending", "sent" }) {
			this.mvc.perform(signed(post("/api/v1/sms/twilio/status"), STATUS_URL, callback(state, null)))
				.andExpect(status().isNoContent());
		}

		verifyNoInteractions(this.reports);
	}

	@Test
	void callbackWithAWrongSignatureIsForbiddenAndChangesNothing() throws Exception {
		Map<String, String> callback = callback("delivered", null);
		String forOtherParameters = TwilioFixtures.sign(STATUS_URL, callback("failed", null));

		this.mvc
			.perform(post("/api/v1/sms/twilio/status").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header("X-Twilio-Signature", forOtherParameters)
				.params(form(callback)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.title").value("Invalid signature"));

		verifyNoInteractions(this.reports);
	}

	@Test
	void callbackWithoutASignatureIsForbidden() throws Exception {
		this.mvc
			.perform(post("/api/v1/sms/twilio/status").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.params(form(callback("delivered", null))))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.reports);
	}

	@Test
	void signatureForAnotherUrlIsForbidden() throws Exception {
		Map<String, String> callback = callback("delivered", null);

		this.mvc
			.perform(signed(post("/api/v1/sms/twilio/status"), "http://localhost/api/v1/sms/twilio/status", callback))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.reports);
	}

	@Test
	void signedInboundMessageIsHandedOnAndAnsweredWithEmptyTwiml() throws Exception {
		Map<String, String> message = new LinkedHashMap<>();
		message.put("MessageSid", "SM0000000000000000000000000000aaaa");
		message.put("AccountSid", TwilioFixtures.ACCOUNT_SID);
		message.put("From", "+50760001234");
		message.put("To", TwilioFixtures.FROM);
		message.put("Body", "BAJA");
		message.put("NumMedia", "0");

		this.mvc.perform(signed(post("/api/v1/sms/twilio/inbound"), INBOUND_URL, message))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<Response></Response>")));

		verify(this.inbound)
			.onInbound(org.mockito.ArgumentMatchers.argThat((InboundSms sms) -> sms.provider().equals("twilio")
					&& sms.from().equals("+50760001234") && sms.text().equals("BAJA")));
	}

	@Test
	void inboundMessageWithABadSignatureIsForbiddenAndNotHandled() throws Exception {
		this.mvc
			.perform(post("/api/v1/sms/twilio/inbound").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
				.param("From", "+50760001234")
				.param("Body", "BAJA"))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.inbound);
	}

	private static Map<String, String> callback(String state, String errorCode) {
		Map<String, String> callback = new LinkedHashMap<>();
		callback.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
		callback.put("MessageStatus", state);
		callback.put("AccountSid", TwilioFixtures.ACCOUNT_SID);
		if (errorCode != null) {
			callback.put("ErrorCode", errorCode);
		}
		return callback;
	}

	private static MockHttpServletRequestBuilder signed(MockHttpServletRequestBuilder request, String url,
			Map<String, String> parameters) {
		return request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Twilio-Signature", TwilioFixtures.sign(url, parameters))
			.params(form(parameters));
	}

	private static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> parameters) {
		org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
		parameters.forEach(form::add);
		return form;
	}

}
