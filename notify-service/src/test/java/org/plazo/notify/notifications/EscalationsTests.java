package org.plazo.notify.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.email.MailFixtures;
import org.plazo.notify.messages.ReminderMessages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation email as an SMTP server receives it (GreenMail).
 */
class EscalationsTests {

	private static final Instant NOW = Instant.parse("2026-08-04T15:00:00Z");

	private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	@BeforeEach
	void start() {
		this.smtp.start();
	}

	@AfterEach
	void stop() {
		this.smtp.stop();
	}

	@Test
	void failedAppealReminderIsEscalatedToTheConfiguredAddressWithoutContactData() throws Exception {
		Escalations escalations = new Escalations(MailFixtures.delivery(this.smtp.getSmtp().getPort()),
				ReminderMessages.withPlaceholderLegalAid(), "casos@ong.example.org");
		LocalDate lastDay = LocalDate.of(2026, 8, 7);
		ReminderDue appeal = new ReminderDue("case-1", "case-1:APPEAL:P-1D", "case-1:APPEAL", "APPEAL", lastDay,
				lastDay.atTime(16, 0).atZone(ZoneId.of("America/Panama")).toInstant(), "Ley 38 de 2000, art. 67", NOW);
		Notification failed = Notification.claim(appeal, ContactChannel.SMS, NOW, NOW.plusSeconds(300))
			.sent("twilio", 2, java.util.List.of("SM1"), NOW);
		failed.undelivered("30003", NOW);

		assertThat(escalations.escalate(failed)).isTrue();

		MimeMessage email = this.smtp.getReceivedMessages()[0];
		assertThat(email.getRecipients(Message.RecipientType.TO))
			.containsExactly(new InternetAddress("casos@ong.example.org"));
		assertThat(email.getSubject()).isEqualTo("Plazo: un recordatorio no llegó (caso case-1, Apelación)");
		String text = plainText(email);
		assertThat(text).contains("Caso: case-1")
			.contains("viernes, 7 de agosto de 2026, hasta las 16:00")
			.contains("Motivo: UNDELIVERED")
			.doesNotContain("+507");
	}

	@Test
	void withoutAnAddressNothingIsSentAndTheEscalationStaysDue() {
		Escalations escalations = new Escalations(MailFixtures.delivery(this.smtp.getSmtp().getPort()),
				ReminderMessages.withPlaceholderLegalAid(), "");
		LocalDate lastDay = LocalDate.of(2026, 8, 7);
		ReminderDue appeal = new ReminderDue("case-1", "case-1:APPEAL:P-1D", "case-1:APPEAL", "APPEAL", lastDay,
				lastDay.atTime(16, 0).atZone(ZoneId.of("America/Panama")).toInstant(), "Ley 38 de 2000", NOW);

		assertThat(escalations.escalate(
				Notification.claim(appeal, ContactChannel.SMS, NOW, NOW).failed(FailureReason.PROVIDER_ERROR, NOW)))
			.isFalse();
		assertThat(this.smtp.getReceivedMessages()).isEmpty();
	}

	private static String plainText(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

}
