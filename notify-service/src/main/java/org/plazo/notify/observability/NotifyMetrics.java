package org.plazo.notify.observability;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.plazo.events.Topics;

import org.springframework.stereotype.Component;

/**
 * The business figures of notify-service. Tags name kinds of things only (a channel, a
 * provider, an outcome, a topic), never a person: no phone number, email, name or case id
 * goes into a metric.
 */
@Component
public class NotifyMetrics {

	/** Each step of a reminder's delivery, by channel, provider and outcome. */
	public static final String DELIVERIES = "plazo.notifications.deliveries";

	/** Reminders of a short term or of a last day that will not reach the person. */
	public static final String CRITICAL_FAILURES = "plazo.notifications.critical.failures";

	/** SMS segments a provider accepted (what the provider bills). */
	public static final String SMS_SEGMENTS = "plazo.sms.segments";

	/** Webhook delivery attempts to partner organisations, by outcome. */
	public static final String WEBHOOK_ATTEMPTS = "plazo.webhooks.attempts";

	/** How long each webhook attempt took. */
	public static final String WEBHOOK_LATENCY = "plazo.webhooks.latency";

	/** People who asked by SMS to receive nothing more. */
	public static final String OPT_OUTS = "plazo.optouts";

	/** Records sent to a dead-letter topic, tagged with that topic. */
	public static final String DEAD_LETTERS = "plazo.dead.letters";

	/** Tag value when no provider took part (refused before sending, put off). */
	public static final String NO_PROVIDER = "none";

	private final MeterRegistry registry;

	private final Counter optOuts;

	private final Timer webhookLatency;

	/** Every outcome of a webhook attempt, as {@link #webhookAttempt} tags it. */
	static final List<String> WEBHOOK_OUTCOMES = List.of("success", "http_3xx", "http_4xx", "http_5xx", "timeout",
			"connection_failed", "refused");

	public NotifyMetrics(MeterRegistry registry) {
		this.registry = registry;
		// Counters that alerts watch start at zero, so that their first increase counts.
		for (String channel : List.of("SMS", "EMAIL")) {
			criticalFailures(channel);
		}
		for (String topic : List.of(Topics.deadLetter(Topics.CASE_EVENTS), Topics.deadLetter(Topics.DEADLINE_EVENTS))) {
			deadLetters(topic);
		}
		WEBHOOK_OUTCOMES.forEach(this::webhookAttempts);
		this.optOuts = Counter.builder(OPT_OUTS)
			.description("People who asked by SMS to receive nothing more")
			.register(registry);
		this.webhookLatency = Timer.builder(WEBHOOK_LATENCY)
			.description("How long each webhook attempt to a partner organisation took")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(5))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(registry);
	}

	/**
	 * A reminder's delivery reached a new state.
	 * @param channel {@code SMS} or {@code EMAIL}
	 * @param provider the provider's name, or {@code null} when none took part
	 * @param outcome {@code sent}, {@code delivered}, {@code deferred}, or the failure
	 * reason ({@code opted_out}, {@code undelivered}, ...)
	 */
	public void delivery(String channel, String provider, String outcome) {
		Counter.builder(DELIVERIES)
			.description("Steps of reminders' deliveries, by channel, provider and outcome")
			.tag("channel", lower(channel))
			.tag("provider", (provider != null) ? provider : NO_PROVIDER)
			.tag("outcome", lower(outcome))
			.register(this.registry)
			.increment();
	}

	/**
	 * A critical reminder (of a five-business-day term, or sent on the last day) failed
	 * for good: the person will not get it from Plazo. The reason is in the delivery
	 * counter and the operator console.
	 * @param channel {@code SMS} or {@code EMAIL}
	 */
	public void criticalFailure(String channel) {
		criticalFailures(channel).increment();
	}

	private Counter criticalFailures(String channel) {
		return Counter.builder(CRITICAL_FAILURES)
			.description("Critical reminders that will not reach the person, by channel")
			.tag("channel", lower(channel))
			.register(this.registry);
	}

	/**
	 * A provider accepted an SMS.
	 * @param provider the provider's name
	 * @param segments how many segments it took
	 */
	public void smsSegments(String provider, int segments) {
		Counter.builder(SMS_SEGMENTS)
			.description("SMS segments accepted by providers")
			.tag("provider", (provider != null) ? provider : NO_PROVIDER)
			.register(this.registry)
			.increment(segments);
	}

	/**
	 * One webhook attempt ended.
	 * @param outcome {@code success}, {@code http_4xx}, {@code http_5xx},
	 * {@code timeout}, {@code connection_failed} or {@code refused}
	 * @param latency how long it took
	 */
	public void webhookAttempt(String outcome, Duration latency) {
		webhookAttempts(outcome).increment();
		this.webhookLatency.record(latency);
	}

	private Counter webhookAttempts(String outcome) {
		return Counter.builder(WEBHOOK_ATTEMPTS)
			.description("Webhook attempts to partner organisations, by outcome")
			.tag("outcome", outcome)
			.register(this.registry);
	}

	/** A person opted out by SMS. */
	public void optOut() {
		this.optOuts.increment();
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

	private static String lower(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "unknown";
	}

}
