package org.plazo.deadlines.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Reminders fired, by deadline kind, and how late they fired (fire time minus due
 * instant), as a histogram so that dashboards and alerts can take percentiles.
 */
@Component
class ReminderMetrics {

	static final String FIRED = "plazo.reminders.fired";

	static final String LATENESS = "plazo.reminders.lateness";

	private final MeterRegistry registry;

	private final Timer lateness;

	ReminderMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.lateness = Timer.builder(LATENESS)
			.description("Fire time minus due instant of each reminder fired")
			.publishPercentileHistogram()
			// Recovery after an outage fires reminders minutes late; the alert is at 60
			// s.
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
	}

	void fired(Collection<Reminder> reminders, Instant firedAt) {
		Map<String, Integer> byKind = new TreeMap<>();
		for (Reminder reminder : reminders) {
			byKind.merge(String.valueOf(reminder.kind()), 1, Integer::sum);
			Duration late = Duration.between(reminder.fireAt(), firedAt);
			this.lateness.record(late.isNegative() ? Duration.ZERO : late);
		}
		byKind.forEach((kind, count) -> this.registry.counter(FIRED, "kind", kind).increment(count));
	}

}
