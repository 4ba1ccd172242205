package org.plazo.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an email, with plain-text and HTML alternatives, to the SMTP server Spring Mail
 * is configured with.
 */
@Component
public class MailDelivery {

	/** The provider name recorded with each delivery. */
	public static final String PROVIDER = "smtp";

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
			message.setHeader("Content-Language", content.language().toLanguageTag());
		}
		catch (MessagingException ex) {
			// The cause may quote the address: leave it out.
			throw new MailPreparationException("Could not build the email");
		}
		this.mailSender.send(message);
	}

}
