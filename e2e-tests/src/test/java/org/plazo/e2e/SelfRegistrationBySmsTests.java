package org.plazo.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person known to no office yet texts Plazo the day they arrived, late on a Sunday
 * evening. They are registered, hear of their filing window the next morning at 7:00
 * rather than at night, can ask for their next deadline, and can stop the messages.
 */
@ExtendWith(SharedStack.class)
class SelfRegistrationBySmsTests {

	static final String PHONE = "+50760007777";

	static Api api;

	@BeforeAll
	static void onASundayEvening() {
		api = new Api(SharedStack.stack());
		// 21:58 in Panama on Sun 29 Nov 2026.
		SharedStack.stack().clock().set(Instant.parse("2026-11-30T02:58:00Z"));
	}

	@Test
	void registersByTextRemindsAtSevenAnswersPlazoAndHonoursBaja() {
		api.textFrom(PHONE, "REGISTRO 01/06/2026");
		String question = awaitNth(1).body();
		assertThat(question).contains("junio").contains("2026").contains("SI");

		api.textFrom(PHONE, "SI");
		assertThat(awaitNth(2).body()).containsIgnoringCase("registrad");

		// Arrived Mon 1 Jun 2026: six months from Tue 2 Jun, the last day is Wed 2 Dec
		// 2026.
		// Its reminder of Sun 29 Nov 8:00 has passed and is due at once, but it is night.
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() -> reminders().isEmpty());

		// 7:00:30 in Panama on Mon 30 Nov 2026.
		SharedStack.stack().clock().set(Instant.parse("2026-11-30T12:00:30Z"));
		String reminder = await().atMost(Duration.ofSeconds(60)).until(this::reminders, (sms) -> !sms.isEmpty()).get(0);
		assertThat(reminder).contains("2 de diciembre de 2026").contains("Decreto Ejecutivo 5 de 2018");

		int before = api.smsTo(PHONE).size();
		api.textFrom(PHONE, "PLAZO");
		assertThat(awaitNth(before + 1).body()).contains("2 de diciembre");

		api.textFrom(PHONE, "BAJA");
		assertThat(awaitNth(before + 2).body()).containsIgnoringCase("no recibir");

		// 8:00:30 on Tue 1 Dec 2026, the day before the last day: no message any more.
		SharedStack.stack().clock().set(Instant.parse("2026-12-01T13:00:30Z"));
		await().during(Duration.ofSeconds(5))
			.atMost(Duration.ofSeconds(15))
			.until(() -> api.smsTo(PHONE).size() == before + 2);
	}

	/** The filing-window reminders the person received. */
	private List<String> reminders() {
		return api.smsTo(PHONE)
			.stream()
			.map(TwilioFake.Sms::body)
			.filter((body) -> body.contains("diciembre") && body.contains("Decreto"))
			.toList();
	}

	private TwilioFake.Sms awaitNth(int n) {
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> api.smsTo(PHONE), (sms) -> sms.size() >= n)
			.get(n - 1);
	}

}
