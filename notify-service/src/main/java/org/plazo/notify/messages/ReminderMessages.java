package org.plazo.notify.messages;

import java.text.Format;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.email.EmailContent;
import org.plazo.notify.sms.Gsm7;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes reminders from the ICU message templates in
 * {@code reminders_<language>.properties} beside this class: one set per deadline kind,
 * and a generic set, which still names the last day and the legal basis, for kinds that
 * have no text of their own yet.
 */
@Component
public class ReminderMessages {

	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private static final String BUNDLE = "org.plazo.notify.messages.reminders";

	private static final String GENERIC = "GENERIC";

	/**
	 * The SMS for a reminder: short, and folded to GSM-7 where the language allows, so
	 * that it costs as few parts as possible.
	 * @param reminder the reminder
	 * @param language the person's language code; unknown languages get Spanish
	 * @return the SMS body
	 */
	public String sms(ReminderDue reminder, String language) {
		return Gsm7.fold(format(reminder, Language.of(language), "sms"));
	}

	/**
	 * The email for a reminder, with the same words in plain text and HTML.
	 * @param reminder the reminder
	 * @param language the person's language code; unknown languages get Spanish
	 * @return the subject and both bodies
	 */
	public EmailContent email(ReminderDue reminder, String language) {
		Locale locale = Language.of(language);
		String subject = format(reminder, locale, "subject");
		String text = format(reminder, locale, "body");
		return new EmailContent(locale, subject, text, html(locale, subject, text));
	}

	private String format(ReminderDue reminder, Locale locale, String part) {
		ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		String key = reminder.kind() + "." + part;
		String pattern = bundle.getString(bundle.containsKey(key) ? key : GENERIC + "." + part);
		MessageFormat message = new MessageFormat(pattern, ULocale.forLocale(locale));
		// Dates and hours are those of Panama wherever the service runs.
		for (Format format : message.getFormats()) {
			if (format instanceof DateFormat date) {
				date.setTimeZone(TimeZone.getTimeZone(PANAMA.getId()));
			}
		}
		return message.format(Map.of("lastDay", Date.from(reminder.lastDay().atStartOfDay(PANAMA).toInstant()),
				"closesAt", Date.from(reminder.dueAt()), "legalBasis", reminder.legalBasis()));
	}

	private static String html(Locale locale, String subject, String text) {
		StringBuilder html = new StringBuilder().append("<!DOCTYPE html>\n<html lang=\"")
			.append(locale.getLanguage())
			.append("\">\n<head><meta charset=\"UTF-8\"><title>")
			.append(HtmlUtils.htmlEscape(subject, "UTF-8"))
			.append("</title></head>\n<body>\n");
		for (String paragraph : text.split("\n\n")) {
			html.append("<p>").append(HtmlUtils.htmlEscape(paragraph, "UTF-8").replace("\n", "<br>")).append("</p>\n");
		}
		return html.append("</body>\n</html>\n").toString();
	}

}
