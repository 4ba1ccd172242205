package org.plazo.notify.email;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail sender on a test SMTP server (GreenMail), for tests in other packages.
 */
public final class MailFixtures {

	public static final String FROM = "Plazo <recordatorios@plazo.localhost>";

	private MailFixtures() {
	}

	public static MailDelivery delivery(int smtpPort) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtpPort);
		sender.setDefaultEncoding("UTF-8");
		return new MailDelivery(sender, FROM);
	}

}
