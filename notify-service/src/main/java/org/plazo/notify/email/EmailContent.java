package org.plazo.notify.email;

import java.util.Locale;
import java.util.Objects;

/**
 * What an email says, in one language, as plain text and as HTML, with an optional
 * calendar attachment.
 *
 * @param language the language it is written in
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, saying the same as the text
 * @param calendar an iCalendar (RFC 5545) document to attach, or {@code null}
 */
public record EmailContent(Locale language, String subject, String text, String html, String calendar) {

	public EmailContent {
		Objects.requireNonNull(language, "language");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(html, "html");
	}

	public EmailContent(Locale language, String subject, String text, String html) {
		this(language, subject, text, html, null);
	}

}
