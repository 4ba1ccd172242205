package org.plazo.stack;

import java.time.Instant;
import java.util.List;

/**
 * A message the stack's SMTP server received, as the dev console shows it.
 *
 * @param date when the sender says it sent it, or {@code null}
 * @param to every recipient
 * @param subject the subject
 * @param text the plain-text body (or the HTML body without tags)
 */
public record ReceivedMail(Instant date, List<String> to, String subject, String text) {

}
