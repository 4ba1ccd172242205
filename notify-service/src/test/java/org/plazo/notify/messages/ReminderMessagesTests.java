package org.plazo.notify.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.email.EmailContent;
import org.plazo.notify.sms.SmsSegments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ReminderMessagesTests {

	private static final String DECREE = "Decreto Ejecutivo 5 de 2018, art. 30";

	private final ReminderMessages messages = new ReminderMessages();

	@Test
	void spanishSmsSaysWhatWhenWhereWhyAndHowToStop() {
		String sms = this.messages.sms(filingWindowEndingOn(LocalDate.of(2026, 9, 3)), "es");

		assertThat(sms).contains("pedir refugio")
			.contains("jueves, 3 de septiembre de 2026")
			.contains("hasta las 16:00")
			.contains("ONPAR")
			.contains("Romulo Escobar Bethancourt")
			.contains("766")
			.contains("Balboa")
			.contains("Base legal: " + DECREE)
			.contains("responda BAJA");
		assertThat(SmsSegments.of(sms).encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
	}

	@Test
	void englishSmsSaysWhatWhenWhereWhyAndHowToStop() {
		String sms = this.messages.sms(filingWindowEndingOn(LocalDate.of(2026, 9, 3)), "en");

		assertThat(sms).contains("apply for asylum")
			.contains("Thursday, September 3, 2026")
			.contains("by 4:00 PM")
			.contains("ONPAR")
			.contains("Romulo Escobar Bethancourt")
			.contains("Legal basis: " + DECREE)
			.contains("reply STOP");
		assertThat(SmsSegments.of(sms).encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
	}

	@Test
	void closingHourIsPanamasWhateverTheServersZone() {
		// 16:00 in Panama is 21:00 UTC and 23:00 in Madrid.
		ReminderDue reminder = filingWindowEndingOn(LocalDate.of(2026, 9, 3));

		assertThat(this.messages.sms(reminder, "es")).contains("16:00").doesNotContain("21:00");
	}

	@Test
	void unknownLanguageGetsSpanish() {
		ReminderDue reminder = filingWindowEndingOn(LocalDate.of(2026, 9, 3));

		assertThat(this.messages.sms(reminder, "fr")).isEqualTo(this.messages.sms(reminder, "es"));
	}

	@ParameterizedTest
	@MethodSource("languages")
	void unknownKindStillNamesTheLastDayAndTheLegalBasis(String language, String lastDay, String stop) {
		ReminderDue reminder = reminder("SUPREME_COURT_ACTION", LocalDate.of(2026, 9, 3), "Ley 135 de 1943, art. 42-B");

		assertThat(this.messages.sms(reminder, language)).contains(lastDay)
			.contains("Ley 135 de 1943, art. 42-B")
			.contains(stop)
			.doesNotContain("ONPAR");
		assertThat(this.messages.email(reminder, language).text()).contains(lastDay)
			.contains("Ley 135 de 1943, art. 42-B");
	}

	static Stream<Arguments> languages() {
		return Stream.of(arguments("es", "jueves, 3 de septiembre de 2026", "BAJA"),
				arguments("en", "Thursday, September 3, 2026", "STOP"));
	}

	@ParameterizedTest
	@MethodSource("everyKindAndLanguage")
	void everySmsFitsTwoGsm7PartsWhateverTheDate(String kind, String language) {
		LocalDate start = LocalDate.of(2026, 1, 1);
		for (LocalDate day = start; day.isBefore(start.plusYears(2)); day = day.plusDays(1)) {
			String sms = this.messages.sms(reminder(kind, day, DECREE), language);
			SmsSegments segments = SmsSegments.of(sms);
			assertThat(segments.encoding()).as(sms).isEqualTo(SmsSegments.Encoding.GSM_7);
			assertThat(segments.segments()).as(sms).isLessThanOrEqualTo(2);
		}
	}

	static Stream<Arguments> everyKindAndLanguage() {
		return Stream.of("FILING_WINDOW", "SOMETHING_NEW")
			.flatMap((kind) -> Stream.of(arguments(kind, "es"), arguments(kind, "en")));
	}

	@Test
	void spanishEmailHasSubjectTextAndHtml() {
		EmailContent email = this.messages.email(filingWindowEndingOn(LocalDate.of(2026, 9, 3)), "es");

		assertThat(email.language().getLanguage()).isEqualTo("es");
		assertThat(email.subject()).contains("3 de septiembre de 2026");
		assertThat(email.text()).contains("jueves, 3 de septiembre de 2026, hasta las 16:00")
			.contains("Oficina Nacional para la Atención de Refugiados (ONPAR)")
			.contains("calle Rómulo Escobar Bethancourt, edificio 766, Balboa")
			.contains("lunes a viernes, de 7:00 a 16:00")
			.contains("Base legal: " + DECREE)
			.contains("BAJA");
		assertThat(email.html()).contains("<html lang=\"es\">")
			.contains("<p>Su último día para presentar la solicitud de refugio")
			.contains(DECREE);
	}

	@Test
	void englishEmailHasSubjectTextAndHtml() {
		EmailContent email = this.messages.email(filingWindowEndingOn(LocalDate.of(2026, 9, 3)), "en");

		assertThat(email.subject()).contains("September 3, 2026");
		assertThat(email.text()).contains("Thursday, September 3, 2026")
			.contains("National Office for the Attention of Refugees (ONPAR)")
			.contains("Rómulo Escobar Bethancourt street, building 766, Balboa")
			.contains("Legal basis: " + DECREE)
			.contains("STOP");
		assertThat(email.html()).contains("<html lang=\"en\">").contains("<p>Your last day to file");
	}

	@Test
	void htmlEscapesWhatTheEventSays() {
		ReminderDue reminder = reminder("FILING_WINDOW", LocalDate.of(2026, 9, 3), "Ley <38> & \"otros\"");

		assertThat(this.messages.email(reminder, "es").html()).contains("Ley &lt;38&gt; &amp; &quot;otros&quot;")
			.doesNotContain("<38>");
	}

	private static ReminderDue filingWindowEndingOn(LocalDate lastDay) {
		return reminder("FILING_WINDOW", lastDay, DECREE);
	}

	private static ReminderDue reminder(String kind, LocalDate lastDay, String legalBasis) {
		Instant closes = lastDay.atTime(16, 0).atZone(ZoneId.of("America/Panama")).toInstant();
		return new ReminderDue("case-1", "case-1:" + kind + ":P-30D", "case-1:" + kind, kind, lastDay, closes,
				legalBasis, closes.minusSeconds(30 * 86_400));
	}

}
