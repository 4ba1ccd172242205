package org.plazo.notify.conversations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.notifications.OptOutRecorded;
import org.plazo.events.notifications.SelfRegistrationConfirmed;
import org.plazo.notify.deadlines.DeadlineProjection;
import org.plazo.notify.messages.MessagesFixtures;
import org.plazo.notify.outbox.EventOutbox;
import org.plazo.notify.outbox.PendingEvent;
import org.plazo.notify.privacy.PrivacyFixtures;
import org.plazo.notify.recipients.RecipientDirectory;
import org.plazo.notify.recipients.RecipientsFixtures;
import org.plazo.notify.sms.InboundSms;
import org.plazo.notify.sms.SmsGateway;
import org.plazo.notify.sms.SmsMessage;
import org.plazo.notify.sms.SmsReceipt;
import org.plazo.notify.testing.MongoStandIn;
import org.plazo.notify.testing.MutableClock;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Conversations by SMS, on the MongoDB-wire stand-in, with the replies caught at the SMS
 * gateway.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwoWaySmsTests {

	private static final String ANA = "+50760001234";

	/** 10:00 in Panama. */
	private static final Instant NOW = Instant.parse("2026-08-04T15:00:00Z");

	private static final MongoStandIn mongo = new MongoStandIn();

	private final MutableClock clock = new MutableClock(NOW);

	private final EventOutbox outbox = mock();

	private final SmsGateway sms = mock();

	private final List<SmsMessage> replies = new ArrayList<>();

	private final RecipientDirectory directory = RecipientsFixtures.directory(mongo.template(), this.outbox,
			this.clock);

	private final DeadlineProjection deadlines = new DeadlineProjection(mongo.template(), this.clock);

	private TwoWaySms conversations;

	@BeforeEach
	void start() {
		given(this.sms.send(any())).willAnswer((call) -> {
			this.replies.add(call.getArgument(0));
			return new SmsReceipt("dev-outbox", 1);
		});
		this.conversations = conversations();
	}

	@AfterEach
	void reset() {
		mongo.reset();
	}

	@AfterAll
	static void stop() {
		mongo.close();
	}

	@Test
	void stopOptsOutForEveryCaseOfThePhoneAndIsConfirmedOnce() {
		anaHasACase("es");

		texts("baja");
		texts("BAJA");
		texts("stop");

		assertThat(this.replies).singleElement().satisfies((reply) -> {
			assertThat(reply.to()).isEqualTo(ANA);
			assertThat(reply.text()).startsWith("Plazo: no recibira mas mensajes.").contains("ALTA");
		});
		assertThat(this.directory.find("case-1").orElseThrow().optedOut()).isTrue();
		verify(this.outbox).publish(eq("phone_contacts"), any(),
				org.mockito.ArgumentMatchers.argThat((List<PendingEvent> events) -> events.size() == 1
						&& events.get(0).event().equals(new OptOutRecorded("case-1", "SMS", "BAJA", NOW))));
	}

	@Test
	void startOptsBackIn() {
		anaHasACase("en");
		texts("STOP");

		texts("start");

		assertThat(lastReply()).startsWith("Plazo: you will receive reminders of your deadlines again.");
		assertThat(this.directory.find("case-1").orElseThrow().optedOut()).isFalse();
	}

	@Test
	void helpAndAnythingNotUnderstoodGetTheHelpReplyInThePersonsLanguage() {
		anaHasACase("es");

		texts("AYUDA");
		texts("hola, ¿qué es esto?");

		assertThat(this.replies).extracting(SmsMessage::text)
			.allSatisfy((text) -> assertThat(text).startsWith("Plazo: responda PLAZO para saber su proximo plazo")
				.contains("BAJA")
				.contains("REGISTRO 15/03/2026"));
	}

	@Test
	void languageKeywordSwitchesRepliesAndReminders() {
		anaHasACase("es");

		texts("EN");
		texts("HELP");

		assertThat(this.replies).extracting(SmsMessage::text)
			.containsExactly("Plazo: we will write to you in English from now on. Reply HELP to see the options.",
					this.replies.get(1).text());
		assertThat(lastReply()).startsWith("Plazo: reply NEXT for your next deadline");
		assertThat(this.directory.find("case-1").orElseThrow().language()).isEqualTo("en");
	}

	@Test
	void plazoAnswersWithTheNextDeadlineAndItsLastDay() {
		anaHasACase("es");
		LocalDate lastDay = LocalDate.of(2026, 9, 3);
		this.deadlines.apply(new DeadlineScheduled("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW", lastDay,
				lastDay.atTime(16, 0).atZone(ZoneId.of("America/Panama")).toInstant(), "filing-window", "2026.1",
				"Decreto Ejecutivo 5 de 2018, art. 30"));

		texts("Plazo");

		assertThat(lastReply()).isEqualTo("Plazo: su proximo plazo: Solicitud de refugio. Ultimo dia: jueves, "
				+ "3 de septiembre de 2026, hasta las 16:00. Responda AYUDA para ver las opciones.");
	}

	@Test
	void nextWithNoDeadlineSaysSo() {
		anaHasACase("en");

		texts("NEXT");

		assertThat(lastReply()).startsWith("Plazo: we have no pending deadlines for this number.");
	}

	@Test
	void malformedNumberIsDroppedAndNeverLogged(CapturedOutput output) {
		this.conversations.onInbound(new InboundSms("twilio", "+1 (555) 0199-BAD", "STOP", NOW));
		this.conversations.onInbound(new InboundSms("smpp", "12", "AYUDA", NOW));

		assertThat(this.replies).isEmpty();
		assertThat(output).contains("Inbound SMS through twilio from a malformed number dropped")
			.doesNotContain("0199")
			.doesNotContain("(555)");
	}

	@Test
	void repliesAndTheirLogsHoldNoPhoneNumber(CapturedOutput output) {
		anaHasACase("es");

		texts("AYUDA");

		assertThat(output).doesNotContain("60001234");
	}

	@Test
	void selfRegistrationAsksToConfirmTheDateThenOpensACase() {
		texts("REGISTRO 15/03/2026");

		assertThat(lastReply()).isEqualTo("Plazo: ¿llego a Panama el 15 de marzo de 2026? Responda SI para "
				+ "registrarse y recibir recordatorios por SMS, o NO para corregir la fecha.");

		texts("Sí");

		assertThat(lastReply()).startsWith("Plazo: registrado.");
		assertThat(registrationEvent())
			.isEqualTo(new SelfRegistrationConfirmed("case-new-1", ANA, LocalDate.of(2026, 3, 15), "es", NOW));
		texts("PLAZO");
		assertThat(lastReply()).startsWith("Plazo: recibimos su registro");
	}

	@Test
	void selfRegistrationInEnglishWithAMonthName() {
		texts("ARRIVED 15 marzo");
		assertThat(lastReply()).startsWith("Plazo: did you arrive in Panama on March 15, 2026? Reply YES");

		texts("yes");

		assertThat(registrationEvent().preferredLanguage()).isEqualTo("en");
		assertThat(registrationEvent().arrivalDate()).isEqualTo(LocalDate.of(2026, 3, 15));
	}

	@Test
	void bareDateFromANumberWithoutACaseStartsARegistration() {
		texts("15 de marzo");

		assertThat(lastReply()).startsWith("Plazo: ¿llego a Panama el 15 de marzo de 2026?");
	}

	@Test
	void unclearDatesAreAskedAgainAndNeverGuessed() {
		texts("REGISTRO 31/02/2026");
		assertThat(lastReply()).startsWith("Plazo: no entendimos la fecha.");

		texts("no sé, en marzo");
		assertThat(lastReply()).startsWith("Plazo: no entendimos la fecha.");

		texts("15-3-26");
		assertThat(lastReply()).startsWith("Plazo: ¿llego a Panama el 15 de marzo de 2026?");
		verify(this.outbox, never()).publish(eq("registrations"), any(), any());
	}

	@Test
	void registeringWithoutADateAsksForIt() {
		texts("REGISTRO");

		assertThat(lastReply()).isEqualTo("Plazo: ¿qué dia llego a Panama? Escriba la fecha asi: 15/03/2026");
	}

	@Test
	void noMeansTheDateIsAskedAgain() {
		texts("REGISTRO 15/03/2026");
		texts("NO");

		assertThat(lastReply()).startsWith("Plazo: ¿qué dia llego a Panama?");
		texts("16/03/2026");
		texts("SI");
		assertThat(registrationEvent().arrivalDate()).isEqualTo(LocalDate.of(2026, 3, 16));
	}

	@Test
	void futureDatesAndDatesOverFiveYearsAgoAreQuestioned() {
		texts("REGISTRO 15/03/2027");
		assertThat(lastReply()).startsWith("Plazo: el 15 de marzo de 2027 todavia no ha llegado.");

		texts("15/03/2019");
		assertThat(lastReply()).startsWith("Plazo: el 15 de marzo de 2019 fue hace mas de 5 años. ¿Es correcto?");

		texts("SI");
		assertThat(lastReply()).startsWith("Plazo: no entendimos la fecha.");
		verify(this.outbox, never()).publish(eq("registrations"), any(), any());
	}

	@Test
	void conversationStateSurvivesARestart() {
		texts("REGISTRO 15/03/2026");

		this.conversations = conversations();
		texts("SI");

		assertThat(registrationEvent().arrivalDate()).isEqualTo(LocalDate.of(2026, 3, 15));
	}

	@Test
	void numberWithACaseIsToldItIsAlreadyRegistered() {
		anaHasACase("es");

		texts("REGISTRO 15/03/2026");

		assertThat(lastReply()).startsWith("Plazo: este numero ya tiene un caso.");
	}

	private TwoWaySms conversations() {
		int[] next = { 0 };
		Registrations registrations = new Registrations(mongo.template(),
				PrivacyFixtures.keys(mongo.template(), this.clock), PrivacyFixtures.index());
		return new TwoWaySms(this.directory, this.deadlines, MessagesFixtures.replies(), this.sms, registrations,
				this.outbox, this.clock, () -> "case-new-" + (++next[0]));
	}

	private void anaHasACase(String language) {
		this.directory.register(new CaseOpened("case-1", LocalDate.of(2026, 3, 2), language, ContactChannel.SMS, ANA,
				null, true, 0, NOW));
	}

	private void texts(String text) {
		this.conversations.onInbound(new InboundSms("twilio", ANA, text, NOW));
	}

	private String lastReply() {
		assertThat(this.replies).isNotEmpty();
		return this.replies.get(this.replies.size() - 1).text();
	}

	private SelfRegistrationConfirmed registrationEvent() {
		ArgumentCaptor<List<PendingEvent>> events = ArgumentCaptor.captor();
		verify(this.outbox).publish(eq("registrations"), any(), events.capture());
		return (SelfRegistrationConfirmed) events.getValue().get(0).event();
	}

}
