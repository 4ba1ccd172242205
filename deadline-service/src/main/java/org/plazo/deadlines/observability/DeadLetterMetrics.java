package org.plazo.deadlines.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.plazo.events.Topics;

import org.springframework.stereotype.Component;

/**
 * Counts the records this service sends to a dead-letter topic, tagged with that topic
 * (never with anything from the record itself).
 */
@Component
public class DeadLetterMetrics {

	/** Records sent to a dead-letter topic, tagged with that topic. */
	public static final String DEAD_LETTERS = "plazo.dead.letters";

	private final MeterRegistry registry;

	public DeadLetterMetrics(MeterRegistry registry) {
		this.registry = registry;
		// The counter of the one topic consumed here starts at zero, so that an alert
		// sees
		// its first increase.
		deadLetters(Topics.deadLetter(Topics.CASE_EVENTS));
	}

	/**
	 * A record this service could not process went to a dead-letter topic.
	 * @param deadLetterTopic the topic it went to
	 */
	public void deadLettered(String deadLetterTopic) {
		deadLetters(deadLetterTopic).increment();
	}

	private Counter deadLetters(String deadLetterTopic) {
		return Counter.builder(DEAD_LETTERS)
			.description("Records this service could not process, sent to a dead-letter topic")
			.tag("topic", deadLetterTopic)
			.register(this.registry);
	}

}
