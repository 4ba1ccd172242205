package org.plazo.notify.email;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an email, with plain-text and HTML alternatives and, for a deadline, an
 * {@code .ics} calendar attachment, to the SMTP server Spring Mail is configured with.
 */
@Component
public class MailDelivery {

	/** The provider name recorded with each delivery. */
	public static final String PROVIDER = "smtp";

	/** The name of the attached calendar file. */
	public static final String CALENDAR_FILE = "plazo-deadline.ics";

	private final JavaMailSender mailSender;

	private final String from;

	MailDelivery(JavaMailSender mailSender, @Value("${plazo.mail.from}") String from) {
		this.mailSender = mailSender;
		this.from = from;
	}

	/**
	 * Sends one email.
	 * @param to the address
	 * @param content what it says
	 * @throws org.springframework.mail.MailException when the server does not accept it;
	 * its message may hold the address, so callers must not log it
	 */
	public void send(String to, EmailContent content) {
		MimeMessage message = this.mailSender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(content.subject());
			helper.setText(content.text(), content.html());
			if (content.calendar() != null) {
				helper.addAttachment(CALENDAR_FILE,
						new ByteArrayResource(content.calendar().getBytes(StandardCharsets.UTF_8)),
						"text/calendar; charset=UTF-8; method=PUBLISH");
			}
			message.setHeader("Content-Language", content.language().toLanguageTag());
		}
		catch (MessagingException ex) {
			// The cause may quote the address: leave it out.
			throw new MailPreparationException("Could not build the email");
		}
		this.mailSender.send(message);
	}

}
