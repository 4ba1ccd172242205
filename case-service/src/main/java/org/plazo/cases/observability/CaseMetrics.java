package org.plazo.cases.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.plazo.events.Topics;

import org.springframework.stereotype.Component;

/**
 * The business figures of case-service. Tags name kinds of things only, never a person:
 * no name, phone number, email or case id goes into a metric.
 */
@Component
public class CaseMetrics {

	/** Cases opened, by a caseworker, an import or a self-registration. */
	public static final String CASES_OPENED = "plazo.cases.opened";

	/** Procedural facts recorded on cases, tagged with the event's CloudEvents type. */
	public static final String CASE_EVENTS = "plazo.cases.events";

	/** Records sent to a dead-letter topic, tagged with that topic. */
	public static final String DEAD_LETTERS = "plazo.dead.letters";

	private final MeterRegistry registry;

	private final Counter opened;

	public CaseMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.opened = Counter.builder(CASES_OPENED).description("Cases opened").register(registry);
		// The dead-letter counter of the one topic consumed here starts at zero, so that
		// an
		// alert sees its first increase.
		deadLetters(Topics.deadLetter(Topics.NOTIFICATION_EVENTS));
	}

	/** A case was opened. */
	public void caseOpened() {
		this.opened.increment();
	}

	/**
	 * A procedural fact was recorded on a case.
	 * @param type the CloudEvents type of the event it caused
	 */
	public void eventRecorded(String type) {
		Counter.builder(CASE_EVENTS)
			.description("Procedural facts recorded on cases, by event type")
			.tag("type", type)
			.register(this.registry)
			.increment();
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
