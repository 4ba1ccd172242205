package org.plazo.notify.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.plazo.notify.sms.Gsm7;

import org.springframework.stereotype.Component;

/**
 * The SMS answers to what people text: help, opting out and in, language, their next
 * deadline, and the self-registration questions. Folded to GSM-7 like reminders.
 */
@Component
public class Replies {

	/** What a reply says. */
	public enum Reply {

		HELP("reply.help"), OPT_OUT("reply.optOut"), OPT_IN("reply.optIn"), LANGUAGE("reply.language"),
		NEXT("reply.next"), NONE("reply.none"), PENDING("reply.pending"), REGISTER_ASK("reply.register.ask"),
		REGISTER_UNCLEAR("reply.register.unclear"), REGISTER_CONFIRM("reply.register.confirm"),
		REGISTER_FUTURE("reply.register.future"), REGISTER_TOO_OLD("reply.register.tooOld"),
		REGISTER_DONE("reply.register.done"), REGISTER_KNOWN("reply.register.known");

		private final String key;

		Reply(String key) {
			this.key = key;
		}

	}

	private final ReminderMessages reminders;

	Replies(ReminderMessages reminders) {
		this.reminders = reminders;
	}

	public String text(Reply reply, String language) {
		return format(reply, language, new HashMap<>());
	}

	/**
	 * The answer to PLAZO / NEXT.
	 * @param language the language code
	 * @param kind the deadline's kind
	 * @param lastDay its last day
	 * @param dueAt when it closes
	 * @return the text
	 */
	public String next(String language, String kind, LocalDate lastDay, Instant dueAt) {
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("name", this.reminders.deadlineName(kind, language));
		arguments.put("lastDay", Date.from(lastDay.atStartOfDay(Templates.PANAMA).toInstant()));
		arguments.put("closesAt", Date.from(dueAt));
		return format(Reply.NEXT, language, arguments);
	}

	/**
	 * A registration question about an arrival date.
	 * @param reply {@link Reply#REGISTER_CONFIRM}, {@link Reply#REGISTER_FUTURE} or
	 * {@link Reply#REGISTER_TOO_OLD}
	 * @param language the language code
	 * @param arrival the date the person gave
	 * @return the text
	 */
	public String aboutArrival(Reply reply, String language, LocalDate arrival) {
		Map<String, Object> arguments = new HashMap<>();
		// Noon, so the date is the same in any zone the formatter might use.
		arguments.put("arrival", Date.from(arrival.atTime(12, 0).atZone(Templates.PANAMA).toInstant()));
		return format(reply, language, arguments);
	}

	private String format(Reply reply, String language, Map<String, Object> arguments) {
		Locale locale = Language.of(language);
		arguments.put("onparShort", Templates.text(locale, "address.onpar.short"));
		return Gsm7.fold(Templates.format(locale, reply.key, arguments));
	}

}
