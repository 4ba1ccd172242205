package org.plazo.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plazo.stack.LocalStack;
import org.plazo.stack.OutboxSms;
import org.plazo.stack.PlazoService;
import org.plazo.stack.ReceivedMail;
import org.plazo.stack.RunningStack;
import org.plazo.stack.Settings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as a person meets it: a caseworker registers two people over HTTP, time
 * moves to the first reminder of their filing window, and each gets one message, in their
 * language, naming the right last day and the law behind it.
 */
class WalkingSkeletonTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	static Path data;

	static RunningStack stack;

	@BeforeAll
	static void startTheWholeSystem() throws Exception {
		stack = LocalStack.start(Settings.forTests(data)
			.withServices(PlazoService.values())
			.withReminderDemoOffset(null)
			.withServiceArguments("--plazo.dispatcher.poll-interval=PT0.5S", "--plazo.dispatcher.lookahead=PT2S"));
		// 9:00 in Panama on Tue 10 Mar 2026, a week after the two people arrived.
		stack.clock().set(Instant.parse("2026-03-10T14:00:00Z"));
	}

	@AfterAll
	static void stop() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void remindsEachPersonOnceInTheirLanguageNamingTheLastDay() throws Exception {
		String spanishSms = openCase("""
				{"applicant": {"name": "Ana Prueba", "preferredLanguage": "es", "phone": "+50760001234", "email": null,
				               "preferredChannel": "SMS", "consentToContact": true},
				 "arrivalDate": "2026-03-02",
				 "household": [{"name": "Luis Prueba", "relationship": "CHILD", "birthDate": "2019-05-01"}]}""");
		String englishEmail = openCase("""
				{"applicant": {"name": "John Testcase", "preferredLanguage": "en", "phone": null,
				               "email": "john.testcase@example.org", "preferredChannel": "EMAIL", "consentToContact": true},
				 "arrivalDate": "2026-03-02", "household": []}""");

		// Six months from Tue 3 Mar 2026, the business day after arrival: Thu 3 Sep 2026.
		for (String caseId : List.of(spanishSms, englishEmail)) {
			JsonNode filing = await().atMost(Duration.ofSeconds(60)).until(() -> filingWindow(caseId), (d) -> d != null);
			assertThat(filing.get("lastDay").asString()).isEqualTo("2026-09-03");
			assertThat(filing.get("legalBasis").asString()).contains("Decreto Ejecutivo 5 de 2018");
		}

		// Just after 8:00 in Panama on Sun 5 Jul 2026, sixty days before the last day.
		stack.clock().set(Instant.parse("2026-07-05T13:00:30Z"));

		OutboxSms sms = await().atMost(Duration.ofSeconds(60))
			.until(() -> smsTo("+50760001234"), (messages) -> !messages.isEmpty())
			.get(0);
		assertThat(sms.body()).contains("septiembre").contains("2026").containsPattern("\\b3\\b");
		ReceivedMail mail = await().atMost(Duration.ofSeconds(60))
			.until(() -> mailTo("john.testcase@example.org"), (messages) -> !messages.isEmpty())
			.get(0);
		assertThat(mail.subject() + "\n" + mail.text()).contains("September 3, 2026");
		assertThat(mail.text()).contains("Decreto Ejecutivo 5 de 2018");

		// Several more dispatcher windows pass: nobody hears twice.
		stack.clock().set(Instant.parse("2026-07-05T13:01:30Z"));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> smsTo("+50760001234").size() == 1
				&& mailTo("john.testcase@example.org").size() == 1);
	}

	private static String openCase(String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create(stack.serviceUrl(PlazoService.CASE) + "/api/v1/cases"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(response.headers().firstValue("Location")).isPresent();
		return json.readTree(response.body()).get("caseId").asString();
	}

	private static JsonNode filingWindow(String caseId) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create(stack.serviceUrl(PlazoService.DEADLINE) + "/api/v1/cases/" + caseId + "/deadlines"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return null;
		}
		for (JsonNode deadline : json.readTree(response.body()).get("deadlines")) {
			if ("FILING_WINDOW".equals(deadline.get("kind").asString())) {
				return deadline;
			}
		}
		return null;
	}

	private static List<OutboxSms> smsTo(String phone) {
		return stack.sentSms().stream().filter((sms) -> phone.equals(sms.to())).toList();
	}

	private static List<ReceivedMail> mailTo(String address) {
		return stack.receivedMail().stream().filter((mail) -> mail.to().contains(address)).toList();
	}

}
