package org.plazo.notify.email;

import java.util.Locale;
import java.util.Objects;

/**
 * What an email says, in one language, as plain text and as HTML.
 *
 * @param language the language it is written in
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, saying the same as the text
 */
public record EmailContent(Locale language, String subject, String text, String html) {

	public EmailContent {
		Objects.requireNonNull(language, "language");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(html, "html");
	}

}
