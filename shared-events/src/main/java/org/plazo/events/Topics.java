package org.plazo.events;

/**
 * Kafka topics, named after the stream they carry.
 */
public final class Topics {

	public static final String CASE_EVENTS = "plazo.case-events.v1";

	public static final String DEADLINE_EVENTS = "plazo.deadline-events.v1";

	public static final String NOTIFICATION_EVENTS = "plazo.notification-events.v1";

	/**
	 * The feed for partner organisations that consume Kafka: minimised events, one record
	 * per organisation and event, no personal data.
	 */
	public static final String PARTNER_EVENTS = "plazo.partner-events.v1";

	/** Suffix of the dead-letter topic beside each topic. */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	private Topics() {
	}

	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
