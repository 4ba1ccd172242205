package org.plazo.deadlines.observability;

import java.util.regex.Pattern;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks anything shaped like an email address or a phone number in every string of a
 * structured (JSON) log line: a safety net under the rule that nothing personal is
 * logged. The plain console pattern in {@code application.properties} applies the same
 * expression.
 */
public class RedactingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

	/** Email addresses; international numbers; 10 to 15 digits standing alone. */
	public static final Pattern PERSONAL = Pattern
		.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|\\+\\d[\\d ().-]{6,18}\\d|(?<![\\w-])\\d{10,15}(?![\\w-])");

	@Override
	public void customize(Members<Object> members) {
		members.applyingValueProcessor(ValueProcessor.of(String.class, RedactingJsonMembers::redact));
	}

	static String redact(String value) {
		return (value != null) ? PERSONAL.matcher(value).replaceAll("[redacted]") : null;
	}

}
