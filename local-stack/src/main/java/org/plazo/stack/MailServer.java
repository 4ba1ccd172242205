package org.plazo.stack;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) that accepts every message, without authentication, and
 * keeps it in memory for the dev console to show.
 */
final class MailServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MailServer.class);

	private final GreenMail greenMail;

	private MailServer(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	/** Starts SMTP on {@code port}, or on a free port when it is 0. */
	static MailServer start(int port) {
		ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		GreenMail greenMail = new GreenMail((port != 0) ? smtp : smtp.dynamicPort());
		greenMail.start();
		MailServer server = new MailServer(greenMail);
		logger.info("SMTP server started on localhost:{}", server.port());
		return server;
	}

	int port() {
		return this.greenMail.getSmtp().getPort();
	}

	/** The messages received so far, oldest first. */
	List<ReceivedMail> messages() {
		return Arrays.stream(this.greenMail.getReceivedMessages()).map(MailServer::toReceivedMail).toList();
	}

	@Override
	public void close() {
		this.greenMail.stop();
		logger.info("SMTP server stopped");
	}

	private static ReceivedMail toReceivedMail(MimeMessage message) {
		try {
			Instant date = (message.getSentDate() != null) ? message.getSentDate().toInstant() : null;
			Address[] recipients = message.getAllRecipients();
			List<String> to = (recipients != null) ? Arrays.stream(recipients).map(Address::toString).toList()
					: List.of();
			return new ReceivedMail(date, to, message.getSubject(), text(message));
		}
		catch (MessagingException | IOException ex) {
			return new ReceivedMail(null, List.of(), "(unreadable message)", ex.getClass().getSimpleName());
		}
	}

	/** The plain-text body, or else the HTML body without its tags. */
	private static String text(Part message) throws MessagingException, IOException {
		String plain = find(message, "text/plain");
		if (plain != null) {
			return plain;
		}
		String html = find(message, "text/html");
		return (html != null) ? html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim() : "";
	}

	/** The content of the first part of that type, looking inside multiparts. */
	private static String find(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType)) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = find(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
