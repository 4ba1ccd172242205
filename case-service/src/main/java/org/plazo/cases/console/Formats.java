package org.plazo.cases.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the console writes times: in Panama's time zone, to the minute.
 */
final class Formats {

	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private Formats() {
	}

	static String instant(Instant instant) {
		return (instant != null) ? MINUTE.format(instant.atZone(PANAMA)) : "";
	}

	/** {@code 2 d 5 h}, {@code 3 h 10 min}, or {@code -1 h 5 min} when past. */
	static String timeLeft(long seconds) {
		Duration left = Duration.ofSeconds(Math.abs(seconds));
		String sign = (seconds < 0) ? "-" : "";
		if (left.toDays() > 0) {
			return sign + left.toDays() + " d " + left.toHoursPart() + " h";
		}
		if (left.toHours() > 0) {
			return sign + left.toHours() + " h " + left.toMinutesPart() + " min";
		}
		return sign + left.toMinutes() + " min";
	}

	/** {@code org.plazo.case.application-filed.v1} becomes {@code application-filed}. */
	static String eventName(String type) {
		if (type == null) {
			return "";
		}
		String name = type.replaceFirst("^org\\.plazo\\.case\\.", "");
		return name.replaceFirst("\\.v\\d+$", "");
	}

}
