package org.plazo.notify.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.messages.ReminderMessages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder email as an SMTP server receives it (GreenMail): its MIME parts, and the
 * calendar attachment read back with ical4j.
 */
class MailDeliveryTests {

	private static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private final ReminderMessages messages = ReminderMessages.withPlaceholderLegalAid();

	private MailDelivery mail;

	@BeforeEach
	void start() {
		this.smtp.start();
		this.mail = MailFixtures.delivery(this.smtp.getSmtp().getPort());
	}

	@AfterEach
	void stop() {
		this.smtp.stop();
	}

	@Test
	void reminderEmailHasTextHtmlAndTheDeadlineAsACalendarEvent() throws Exception {
		this.mail.send("ana.prueba@example.org", this.messages.email(reminder("P-30D"), "es"));

		MimeMessage received = this.smtp.getReceivedMessages()[0];
		assertThat(received.getSubject())
			.isEqualTo("Su último día para pedir refugio en Panamá: 3 de septiembre de 2026");
		assertThat(received.getHeader("Content-Language")).containsExactly("es");
		assertThat(received.isMimeType("multipart/mixed")).isTrue();
		List<Part> leaves = leaves(received);
		assertThat(leaves).extracting((part) -> part.getContentType().split(";")[0].trim().toLowerCase())
			.containsExactlyInAnyOrder("text/plain", "text/html", "text/calendar");
		assertThat(text(leaves, "text/plain")).contains("jueves, 3 de septiembre de 2026, hasta las 16:00");
		assertThat(text(leaves, "text/html")).contains("<html lang=\"es\">");
		Part attachment = part(leaves, "text/calendar");
		assertThat(attachment.getFileName()).isEqualTo("plazo-deadline.ics");
		assertThat(Part.ATTACHMENT).isEqualToIgnoringCase(attachment.getDisposition());

		Calendar calendar = parse(attachment);
		VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
		DtStart<Temporal> start = event.getDateTimeStart();
		assertThat(start.getValue()).isEqualTo("20260903T160000");
		assertThat(start.getParameter("TZID"))
			.hasValueSatisfying((tzid) -> assertThat(tzid.getValue()).isEqualTo("America/Panama"));
		// Read back through the calendar's own VTIMEZONE: 16:00 in Panama is 21:00 UTC.
		assertThat(((ZonedDateTime) start.getDate()).toInstant()).isEqualTo(Instant.parse("2026-09-03T21:00:00Z"));
		VTimeZone zone = calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
		assertThat(zone.getProperty("TZID").orElseThrow().getValue()).isEqualTo("America/Panama");
		assertThat(zone.getObservances()).singleElement()
			.satisfies((observance) -> assertThat(observance.getProperty("TZOFFSETTO").orElseThrow().getValue())
				.isEqualTo("-0500"));
		assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Solicitud de refugio: último día");
		assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue())
			.contains("Base legal: Decreto Ejecutivo 5 de 2018, art. 30");
		VAlarm alarm = event.getAlarms().get(0);
		assertThat(alarm.getProperty("TRIGGER").orElseThrow().getValue()).isEqualTo("-P1D");
		assertThat(alarm.getProperty("ACTION").orElseThrow().getValue()).isEqualTo("DISPLAY");
	}

	@Test
	void laterRemindersOfTheSameDeadlineUpdateTheSameCalendarEntry() throws Exception {
		String first = uid(this.messages.email(reminder("P-30D"), "es").calendar());
		String second = uid(this.messages.email(reminder("P-7D"), "en").calendar());
		ReminderDue other = new ReminderDue("case-2", "case-2:FILING_WINDOW:P-30D", "case-2:FILING_WINDOW",
				"FILING_WINDOW", LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"),
				"Decreto Ejecutivo 5 de 2018, art. 30", Instant.parse("2026-08-04T12:00:00Z"));

		assertThat(first).isEqualTo(second).endsWith("@plazo").doesNotContain("case-1");
		assertThat(uid(this.messages.email(other, "es").calendar())).isNotEqualTo(first);
	}

	private static ReminderDue reminder(String offset) {
		LocalDate lastDay = LocalDate.of(2026, 9, 3);
		Instant closes = lastDay.atTime(16, 0).atZone(PANAMA).toInstant();
		return new ReminderDue("case-1", "case-1:FILING_WINDOW:" + offset, "case-1:FILING_WINDOW", "FILING_WINDOW",
				lastDay, closes, "Decreto Ejecutivo 5 de 2018, art. 30", Instant.parse("2026-08-04T12:00:00Z"));
	}

	private static String uid(String ics) throws IOException, ParserException {
		Calendar calendar = new CalendarBuilder().build(new java.io.StringReader(ics));
		return calendar.<VEvent>getComponent("VEVENT").orElseThrow().getProperty("UID").orElseThrow().getValue();
	}

	private static Calendar parse(Part part) throws IOException, MessagingException, ParserException {
		try (InputStream in = part.getInputStream()) {
			return new CalendarBuilder().build(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
	}

	private static List<Part> leaves(Part part) throws MessagingException, IOException {
		List<Part> leaves = new ArrayList<>();
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				leaves.addAll(leaves(body));
			}
		}
		else {
			leaves.add(part);
		}
		return leaves;
	}

	private static Part part(List<Part> leaves, String mimeType) throws MessagingException {
		for (Part leaf : leaves) {
			if (leaf.isMimeType(mimeType)) {
				return leaf;
			}
		}
		throw new AssertionError("No " + mimeType + " part");
	}

	private static String text(List<Part> leaves, String mimeType) throws MessagingException, IOException {
		return (String) part(leaves, mimeType).getContent();
	}

}
