package org.plazo.notify.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.email.DeadlineCalendar;
import org.plazo.notify.email.EmailContent;
import org.plazo.notify.sms.Gsm7;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes reminders from the ICU message templates in
 * {@code reminders_<language>.properties} beside this class: one set per deadline kind,
 * and a generic set for kinds that have no text of their own yet. Every message says what
 * the deadline is, its last day and hour in Panama's time, where to go, its legal basis,
 * and how to stop messages. A reminder that arrives after its term has ended becomes an
 * urgent alert pointing to free legal aid.
 */
@Component
public class ReminderMessages {

	/** The placeholder legal-aid contact of the embedded default. */
	public static final String LEGAL_AID_PLACEHOLDER = "+507 000-0000";

	private static final String GENERIC = "GENERIC";

	private static final String OVERDUE = "OVERDUE";

	private static final int SHORT_BASIS = 60;

	private final String legalAid;

	ReminderMessages(@Value("${plazo.notify.legal-aid.contact}") String legalAid) {
		this.legalAid = legalAid;
	}

	/**
	 * Messages with the placeholder legal-aid contact, for tests.
	 * @return the messages
	 */
	public static ReminderMessages withPlaceholderLegalAid() {
		return new ReminderMessages(LEGAL_AID_PLACEHOLDER);
	}

	/**
	 * The SMS for a reminder sent at the time it was scheduled for.
	 * @param reminder the reminder
	 * @param language the person's language code; unknown languages get Spanish
	 * @return the SMS body
	 */
	public String sms(ReminderDue reminder, String language) {
		return sms(reminder, language, reminder.scheduledFor());
	}

	/**
	 * The SMS for a reminder: short, and folded to GSM-7 where the language allows, so
	 * that it costs as few parts as possible.
	 * @param reminder the reminder
	 * @param language the person's language code; unknown languages get Spanish
	 * @param at when it is sent: a reminder sent after its term ended is an urgent alert
	 * @return the SMS body
	 */
	public String sms(ReminderDue reminder, String language, Instant at) {
		Locale locale = Language.of(language);
		String set = overdue(reminder, at) ? OVERDUE : kind(locale, reminder.kind());
		return Gsm7.fold(Templates.format(locale, set + ".sms", arguments(reminder, locale, at)));
	}

	public EmailContent email(ReminderDue reminder, String language) {
		return email(reminder, language, reminder.scheduledFor());
	}

	/**
	 * The email for a reminder, with the same words in plain text and HTML, and the
	 * deadline as an {@code .ics} calendar event while it is still ahead.
	 * @param reminder the reminder
	 * @param language the person's language code; unknown languages get Spanish
	 * @param at when it is sent
	 * @return the subject, both bodies and the calendar
	 */
	public EmailContent email(ReminderDue reminder, String language, Instant at) {
		Locale locale = Language.of(language);
		Map<String, Object> arguments = arguments(reminder, locale, at);
		boolean overdue = overdue(reminder, at);
		String set = overdue ? OVERDUE : kind(locale, reminder.kind());
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(Templates.format(locale, set + ".intro", arguments));
		paragraphs.add(Templates.format(locale, set + ".action", arguments));
		paragraphs.add(Templates.format(locale, "email.basis", arguments));
		if (!reminder.legalBasis().equals(arguments.get("basis"))) {
			paragraphs.add(Templates.format(locale, "email.rule", arguments));
		}
		String calendar = null;
		if (!overdue) {
			paragraphs.add(Templates.format(locale, "email.calendar", arguments));
			calendar = DeadlineCalendar.of(reminder.deadlineId(),
					Templates.format(locale, "calendar.summary", arguments),
					String.join("\n\n", paragraphs.subList(0, 3)), reminder.dueAt(),
					Templates.format(locale, "calendar.alarm", arguments), at);
		}
		paragraphs.add(Templates.format(locale, "email.stop", arguments));
		paragraphs.add(Templates.format(locale, "email.signature", arguments));
		String subject = Templates.format(locale, set + ".subject", arguments);
		String text = String.join("\n\n", paragraphs);
		return new EmailContent(locale, subject, text, html(locale, subject, text), calendar);
	}

	/**
	 * What a deadline is, in a few words (for titles and SMS replies).
	 * @param kind the deadline kind
	 * @param language the language code
	 * @return its name
	 */
	public String deadlineName(String kind, String language) {
		Locale locale = Language.of(language);
		return Templates.text(locale, kind(locale, kind) + ".name");
	}

	/**
	 * The email telling the escalation address that a reminder did not reach the person:
	 * in Spanish with an English summary, naming the case and the deadline, no contact
	 * data.
	 * @param caseId the case
	 * @param notificationId the notification
	 * @param kind the deadline kind
	 * @param lastDay its last day
	 * @param dueAt when it closes
	 * @param channel the channel that failed
	 * @param reason why
	 * @return the email
	 */
	public EmailContent escalation(String caseId, String notificationId, String kind, LocalDate lastDay, Instant dueAt,
			String channel, String reason) {
		Locale locale = Language.SPANISH;
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("caseId", caseId);
		arguments.put("notificationId", notificationId);
		arguments.put("name", deadlineName(kind, "es"));
		arguments.put("lastDay", Date.from(lastDay.atStartOfDay(Templates.PANAMA).toInstant()));
		arguments.put("closesAt", Date.from(dueAt));
		arguments.put("channel", channel);
		arguments.put("reason", reason);
		String subject = Templates.format(locale, "escalation.subject", arguments);
		String text = Templates.format(locale, "escalation.body", arguments);
		return new EmailContent(locale, subject, text, html(locale, subject, text));
	}

	/**
	 * Whether each language's texts were reviewed, from {@code review.status} in its
	 * bundle: {@code complete}, or {@code needs-native-review} for drafts a native
	 * speaker must check.
	 * @return the status by language code, Spanish first
	 */
	public Map<String, String> reviewStatus() {
		Map<String, String> status = new LinkedHashMap<>();
		for (String code : Language.CODES) {
			status.put(code, Templates.bundle(Locale.forLanguageTag(code)).getString("review.status"));
		}
		return status;
	}

	private Map<String, Object> arguments(ReminderDue reminder, Locale locale, Instant at) {
		String kind = kind(locale, reminder.kind());
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("lastDay", Date.from(reminder.lastDay().atStartOfDay(Templates.PANAMA).toInstant()));
		arguments.put("closesAt", Date.from(reminder.dueAt()));
		arguments.put("daysLeft",
				Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(at, Templates.PANAMA), reminder.lastDay())));
		arguments.put("name", Templates.text(locale, kind + ".name"));
		arguments.put("basis", Templates.has(locale, kind + ".basis") && !GENERIC.equals(kind)
				? Templates.text(locale, kind + ".basis") : shortBasis(reminder.legalBasis()));
		arguments.put("legalBasis", reminder.legalBasis());
		arguments.put("legalAid", this.legalAid);
		arguments.put("onpar", Templates.text(locale, "address.onpar"));
		arguments.put("onparShort", Templates.text(locale, "address.onpar.short"));
		return arguments;
	}

	private static boolean overdue(ReminderDue reminder, Instant at) {
		return reminder.scheduledFor().isAfter(reminder.dueAt()) || at.isAfter(reminder.dueAt());
	}

	private static String kind(Locale locale, String kind) {
		return Templates.has(locale, kind + ".sms") ? kind : GENERIC;
	}

	/**
	 * The citation at the head of a rule's legal basis ("Ley 38 de 2000, art. 67: the
	 * term...") short enough for an SMS.
	 */
	static String shortBasis(String legalBasis) {
		String head = legalBasis.split("[:;(]", 2)[0].trim();
		if (head.length() <= SHORT_BASIS) {
			return head;
		}
		int cut = head.lastIndexOf(' ', SHORT_BASIS - 3);
		return head.substring(0, (cut > 0) ? cut : SHORT_BASIS - 3) + "...";
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
