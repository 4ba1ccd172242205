package org.plazo.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plazo.stack.ReceivedMail;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as a person meets it: a caseworker registers two people over HTTP,
 * time moves to the first reminder of their filing window, and each gets one message, in
 * their language, naming the right last day and the law behind it.
 */
@ExtendWith(SharedStack.class)
class WalkingSkeletonTests {

	static Api api;

	@BeforeAll
	static void aWeekAfterTheyArrived() {
		api = new Api(SharedStack.stack());
		// 9:00 in Panama on Tue 10 Mar 2026.
		SharedStack.stack().clock().set(Instant.parse("2026-03-10T14:00:00Z"));
	}

	@Test
	void remindsEachPersonOnceInTheirLanguageNamingTheLastDay() {
		String bySms = api.openCase("""
				{"applicant": {"name": "Ana Prueba", "preferredLanguage": "es", "phone": "+50760001234", "email": null,
				               "preferredChannel": "SMS", "consentToContact": true,
				               "consentNoticeVersion": "2026-11"},
				 "arrivalDate": "2026-03-02",
				 "household": [{"name": "Luis Prueba", "relationship": "CHILD", "birthDate": "2019-05-01"}]}""");
		String byEmail = api.openCase(
				"""
						{"applicant": {"name": "John Testcase", "preferredLanguage": "en", "phone": null,
						               "email": "john.testcase@example.org", "preferredChannel": "EMAIL", "consentToContact": true,
						             "consentNoticeVersion": "2026-11"},
						 "arrivalDate": "2026-03-02", "household": []}""");

		// Six months from Tue 3 Mar 2026, the business day after arrival: Thu 3 Sep 2026.
		for (String caseId : List.of(bySms, byEmail)) {
			JsonNode filing = await().atMost(Duration.ofSeconds(60))
				.until(() -> api.deadline(caseId, "FILING_WINDOW"), (d) -> d != null);
			assertThat(filing.get("lastDay").asString()).isEqualTo("2026-09-03");
			assertThat(filing.get("legalBasis").asString()).contains("Decreto Ejecutivo 5 de 2018");
		}

		// Just after 8:00 in Panama on Sun 5 Jul 2026, sixty days before the last day.
		SharedStack.stack().clock().set(Instant.parse("2026-07-05T13:00:30Z"));

		TwilioFake.Sms sms = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.smsTo("+50760001234"), (messages) -> !messages.isEmpty())
			.get(0);
		assertThat(sms.body()).contains("septiembre").contains("2026").containsPattern("\\b3\\b");
		ReceivedMail mail = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.mailTo("john.testcase@example.org"), (messages) -> !messages.isEmpty())
			.get(0);
		assertThat(mail.subject() + "\n" + mail.text()).contains("September 3, 2026");
		assertThat(mail.text()).contains("Decreto Ejecutivo 5 de 2018");

		// Several more dispatcher windows pass: nobody hears twice.
		SharedStack.stack().clock().set(Instant.parse("2026-07-05T13:01:30Z"));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> api.smsTo("+50760001234").size() == 1 && api.mailTo("john.testcase@example.org").size() == 1);
	}

}
