package org.plazo.notify.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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

	private static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private static final String DECREE = "Decreto Ejecutivo 5 de 2018, art. 30";

	/** A real contact may be longer than the placeholder: templates leave room for it. */
	private static final String LEGAL_AID = "Clinica juridica +507 6000-0000";

	static final List<String> KINDS = List.of("FILING_WINDOW", "REGISTRATION_INTERVIEW", "EXTENSION_INTERVIEW",
			"PROVISIONAL_CARD", "ASYLUM_CERTIFICATE", "REFUGEE_CARD", "WORK_PERMIT", "REFUGEE_TRAVEL_DOCUMENT",
			"RECONSIDERATION", "APPEAL", "SUPREME_COURT", "ADMINISTRATIVE_SILENCE", "SOMETHING_NEW");

	private final ReminderMessages messages = ReminderMessages.withPlaceholderLegalAid();

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
	void languageWithoutTextsGetsSpanish() {
		ReminderDue reminder = filingWindowEndingOn(LocalDate.of(2026, 9, 3));

		assertThat(this.messages.sms(reminder, "de")).isEqualTo(this.messages.sms(reminder, "es"));
		assertThat(this.messages.sms(reminder, null)).isEqualTo(this.messages.sms(reminder, "es"));
	}

	@Test
	void interviewSaysTheDayAndTheHourOfTheAppointment() {
		LocalDate day = LocalDate.of(2026, 4, 14);
		Instant at = day.atTime(9, 30).atZone(PANAMA).toInstant();
		ReminderDue interview = new ReminderDue("case-1", "case-1:REGISTRATION_INTERVIEW:P-1D",
				"case-1:REGISTRATION_INTERVIEW", "REGISTRATION_INTERVIEW", day, at, "Decreto Ejecutivo 5 de 2018",
				at.minusSeconds(86_400));

		assertThat(this.messages.sms(interview, "es")).contains("entrevista de registro")
			.contains("martes, 14 de abril de 2026, a las 9:30");
		assertThat(this.messages.sms(interview, "en")).contains("Tuesday, April 14, 2026, at 9:30 AM");
		assertThat(this.messages.sms(interview, "fr")).contains("mardi 14 avril 2026, à 09:30");
		assertThat(this.messages.sms(interview, "pt")).contains("terca-feira, 14 de abril de 2026, às 09:30");
		assertThat(this.messages.sms(interview, "ht")).contains("madi 14 avril 2026, a 09:30");
	}

	@Test
	void haitianCreoleHasItsOwnNamesForDaysAndMonths() {
		String sms = this.messages.sms(filingWindowEndingOn(LocalDate.of(2026, 9, 3)), "ht");

		assertThat(sms).contains("jedi 3 septanm 2026").contains("reponn STOP");
	}

	@ParameterizedTest
	@MethodSource("languages")
	void unknownKindStillNamesTheLastDayAndTheLegalBasis(String language, String lastDay, String stop) {
		ReminderDue reminder = reminder("SUPREME_COURT_ACTION", LocalDate.of(2026, 9, 3), LocalTime.of(16, 0),
				"Ley 135 de 1943, art. 42-B: the long explanation of the rule, in English, from the rules");

		assertThat(this.messages.sms(reminder, language)).contains(lastDay)
			.contains("Ley 135 de 1943, art. 42-B.")
			.doesNotContain("long explanation")
			.contains(stop);
		assertThat(this.messages.email(reminder, language).text()).contains(lastDay)
			.contains("Ley 135 de 1943, art. 42-B: the long explanation");
	}

	static Stream<Arguments> languages() {
		return Stream.of(arguments("es", "jueves, 3 de septiembre de 2026", "BAJA"),
				arguments("en", "Thursday, September 3, 2026", "STOP"),
				arguments("fr", "jeudi 3 septembre 2026", "STOP"), arguments("ht", "jedi 3 septanm 2026", "STOP"),
				arguments("pt", "quinta-feira, 3 de setembro de 2026", "STOP"));
	}

	@ParameterizedTest
	@MethodSource("everyKindAndLanguage")
	void everySmsSaysWhatItMustInAtMostTwoGsm7PartsWhateverTheDate(String kind, String language) {
		ReminderMessages withRealContact = new ReminderMessages(LEGAL_AID);
		// The last seven days of each month: every weekday, every month, two-digit days.
		for (LocalDate day : longDates()) {
			// Appointments may be at any hour; terms close at 16:00.
			LocalTime time = kind.endsWith("INTERVIEW") ? LocalTime.of(10, 30) : LocalTime.of(16, 0);
			ReminderDue reminder = reminder(kind, day, time,
					"Decreto Ejecutivo 5 de 2018 y Ley 38 de 2000, art. 67: five business days counted from the day after notification");
			String sms = withRealContact.sms(reminder, language);
			SmsSegments segments = SmsSegments.of(sms);
			assertThat(segments.encoding()).as(sms).isEqualTo(SmsSegments.Encoding.GSM_7);
			assertThat(segments.segments()).as(sms).isLessThanOrEqualTo(2);
			assertThat(sms).as(sms)
				.startsWith("Plazo")
				.contains(String.valueOf(day.getYear()))
				.contains(String.valueOf(day.getDayOfMonth()))
				.containsAnyOf("16:00", "4:00 PM", "10:30")
				.containsAnyOf("ONPAR", LEGAL_AID)
				.containsAnyOf("Decreto", "Ley")
				.contains(language.equals("es") ? "BAJA" : "STOP");
		}
	}

	private static List<LocalDate> longDates() {
		List<LocalDate> days = new java.util.ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			LocalDate end = LocalDate.of(2026, month, 1).plusMonths(1).minusDays(1);
			for (int back = 0; back < 7; back++) {
				days.add(end.minusDays(back));
			}
		}
		return days;
	}

	static Stream<Arguments> everyKindAndLanguage() {
		return KINDS.stream().flatMap((kind) -> Language.CODES.stream().map((language) -> arguments(kind, language)));
	}

	@ParameterizedTest
	@MethodSource("everyKindAndLanguage")
	void everyKindHasItsOwnTextsInEveryLanguage(String kind, String language) {
		if (kind.equals("SOMETHING_NEW")) {
			return;
		}
		java.util.ResourceBundle bundle = Templates.bundle(Language.of(language));
		for (String part : List.of("name", "basis", "sms", "subject", "intro", "action")) {
			assertThat(bundle.containsKey(kind + "." + part)).as(language + " " + kind + "." + part).isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("everyLanguage")
	void overdueReminderIsAnUrgentAlertPointingToFreeLegalAid(String language, String urgent, String ended) {
		ReminderMessages withRealContact = new ReminderMessages(LEGAL_AID);
		// Fired two hours after the term closed.
		LocalDate lastDay = LocalDate.of(2026, 9, 30);
		Instant closes = lastDay.atTime(16, 0).atZone(PANAMA).toInstant();
		ReminderDue late = new ReminderDue("case-1", "case-1:RECONSIDERATION:P0D", "case-1:RECONSIDERATION",
				"RECONSIDERATION", lastDay, closes, "Ley 38 de 2000, art. 67", closes.plusSeconds(7_200));

		String sms = withRealContact.sms(late, language);

		assertThat(sms).startsWith("Plazo " + urgent)
			.contains(ended)
			.contains(LEGAL_AID)
			.contains(language.equals("es") ? "BAJA" : "STOP");
		assertThat(SmsSegments.of(sms).segments()).isLessThanOrEqualTo(2);
		EmailContent email = withRealContact.email(late, language);
		assertThat(email.subject()).contains(urgent);
		assertThat(email.text()).contains(LEGAL_AID);
		assertThat(email.calendar()).isNull();
	}

	static Stream<Arguments> everyLanguage() {
		return Stream.of(arguments("es", "URGENTE", "termino el miércoles, 30 de septiembre de 2026, a las 16:00"),
				arguments("en", "URGENT", "ended on Wednesday, September 30, 2026, at 4:00 PM"),
				arguments("fr", "URGENT", "pris fin le mercredi 30 septembre 2026, à 16:00"),
				arguments("ht", "IJAN", "fini mèkredi 30 septanm 2026, a 16:00"),
				arguments("pt", "URGENTE", "terminou quarta-feira, 30 de setembro de 2026, às 16:00"));
	}

	@Test
	void reminderSentLateBecauseItWasHeldIsAnAlertToo() {
		ReminderDue reminder = filingWindowEndingOn(LocalDate.of(2026, 9, 3));

		assertThat(this.messages.sms(reminder, "es", reminder.dueAt().plusSeconds(60))).startsWith("Plazo URGENTE");
		assertThat(this.messages.sms(reminder, "es", reminder.dueAt())).startsWith("Plazo: su ultimo dia");
	}

	@Test
	void spanishAndEnglishAreCompleteAndTheOthersAwaitANativeSpeaker() {
		assertThat(this.messages.reviewStatus()).containsExactly(Map.entry("es", "complete"),
				Map.entry("en", "complete"), Map.entry("fr", "needs-native-review"),
				Map.entry("ht", "needs-native-review"), Map.entry("pt", "needs-native-review"));
	}

	@Test
	void spanishEmailHasSubjectTextHtmlAndCalendar() {
		ReminderDue reminder = filingWindowEndingOn(LocalDate.of(2026, 9, 3));
		EmailContent email = this.messages.email(reminder, "es");

		assertThat(email.language().getLanguage()).isEqualTo("es");
		assertThat(email.subject()).isEqualTo("Su último día para pedir refugio en Panamá: 3 de septiembre de 2026");
		assertThat(email.text()).contains("jueves, 3 de septiembre de 2026, hasta las 16:00 (hora de Panamá)")
			.contains("Quedan 30 días.")
			.contains("Oficina Nacional para la Atención de Refugiados (ONPAR)")
			.contains("calle Rómulo Escobar Bethancourt, edificio 766, Balboa")
			.contains("lunes a viernes, de 7:00 a 16:00")
			.contains("Base legal: " + DECREE)
			.contains("(archivo .ics)")
			.contains("BAJA");
		assertThat(email.html()).contains("<html lang=\"es\">")
			.contains("<p>Su último día para presentar la solicitud de refugio")
			.contains(DECREE);
		assertThat(email.calendar()).contains("BEGIN:VEVENT").contains("DTSTART;TZID=America/Panama:20260903T160000");
	}

	@Test
	void daysLeftAreCountedInTheLanguagesPluralRules() {
		LocalDate lastDay = LocalDate.of(2026, 9, 3);
		Instant closes = lastDay.atTime(16, 0).atZone(PANAMA).toInstant();
		ReminderDue dayBefore = new ReminderDue("case-1", "case-1:FILING_WINDOW:P-1D", "case-1:FILING_WINDOW",
				"FILING_WINDOW", lastDay, closes, DECREE, closes.minusSeconds(86_400));
		ReminderDue sameDay = new ReminderDue("case-1", "case-1:FILING_WINDOW:P0D", "case-1:FILING_WINDOW",
				"FILING_WINDOW", lastDay, closes, DECREE, closes.minusSeconds(3_600));

		assertThat(this.messages.email(dayBefore, "es").text()).contains("Queda 1 día.");
		assertThat(this.messages.email(dayBefore, "en").text()).contains("1 day left.");
		assertThat(this.messages.email(sameDay, "es").text()).contains("Hoy es el último día.");
		assertThat(this.messages.email(filingWindowEndingOn(lastDay), "en").text()).contains("30 days left.");
	}

	@Test
	void englishEmailHasSubjectTextAndHtml() {
		EmailContent email = this.messages.email(filingWindowEndingOn(LocalDate.of(2026, 9, 3)), "en");

		assertThat(email.subject()).isEqualTo("Your last day to apply for asylum in Panama: September 3, 2026");
		assertThat(email.text()).contains("Thursday, September 3, 2026")
			.contains("National Office for the Attention of Refugees (ONPAR)")
			.contains("Rómulo Escobar Bethancourt street, building 766, Balboa")
			.contains("Legal basis: " + DECREE)
			.contains("STOP");
		assertThat(email.html()).contains("<html lang=\"en\">").contains("<p>Your last day to file");
	}

	@Test
	void htmlEscapesWhatTheEventSays() {
		ReminderDue reminder = reminder("FILING_WINDOW", LocalDate.of(2026, 9, 3), LocalTime.of(16, 0),
				"Ley <38> & \"otros\"");

		assertThat(this.messages.email(reminder, "es").html()).contains("Ley &lt;38&gt; &amp; &quot;otros&quot;")
			.doesNotContain("<38>");
	}

	@Test
	void escalationEmailNamesTheCaseAndTheDeadlineAndNoContactData() {
		EmailContent email = this.messages.escalation("case-1", "case-1:APPEAL:P-1D:SMS", "APPEAL",
				LocalDate.of(2026, 8, 7), LocalDate.of(2026, 8, 7).atTime(16, 0).atZone(PANAMA).toInstant(), "SMS",
				"UNDELIVERED");

		assertThat(email.subject()).isEqualTo("Plazo: un recordatorio no llegó (caso case-1, Apelación)");
		assertThat(email.text()).contains("viernes, 7 de agosto de 2026, hasta las 16:00")
			.contains("Motivo: UNDELIVERED")
			.contains("last day 2026-08-07");
	}

	@Test
	void shortBasisKeepsTheCitationAtTheHeadOfARule() {
		assertThat(ReminderMessages.shortBasis("Ley 38 de 2000, art. 200(2): two months"))
			.isEqualTo("Ley 38 de 2000, art. 200");
		assertThat(ReminderMessages.shortBasis("A".repeat(10) + " " + "b".repeat(80))).isEqualTo("AAAAAAAAAA...");
	}

	private static ReminderDue filingWindowEndingOn(LocalDate lastDay) {
		return reminder("FILING_WINDOW", lastDay, LocalTime.of(16, 0), DECREE);
	}

	private static ReminderDue reminder(String kind, LocalDate lastDay, LocalTime time, String legalBasis) {
		Instant closes = lastDay.atTime(time).atZone(PANAMA).toInstant();
		return new ReminderDue("case-1", "case-1:" + kind + ":P-30D", "case-1:" + kind, kind, lastDay, closes,
				legalBasis, closes.minusSeconds(30 * 86_400));
	}

}
