package org.plazo.deadlines.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.deadlines.DeadlineRescheduled;
import org.plazo.events.deadlines.DeadlineScheduled;

import org.springframework.stereotype.Component;

/**
 * Deadlines scheduled and moved, by kind, counted from the events a saved change
 * recorded, so that a retried or redelivered change is not counted twice.
 */
@Component
class DeadlineMetrics {

	static final String SCHEDULED = "plazo.deadlines.scheduled";

	static final String RESCHEDULED = "plazo.deadlines.rescheduled";

	private final MeterRegistry registry;

	private final EventCodec codec = new EventCodec();

	DeadlineMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Counts the events in {@code outbox} that were not in it before the change.
	 * @param outbox the saved document's pending events
	 * @param before ids of the events pending before the change
	 */
	void recorded(Collection<PendingEvent> outbox, Set<String> before) {
		for (PendingEvent event : outbox) {
			if (before.contains(event.id())) {
				continue;
			}
			if (EventCatalog.DEADLINE_SCHEDULED.name().equals(event.type())) {
				DeadlineScheduled scheduled = this.codec.fromJson(EventCatalog.DEADLINE_SCHEDULED,
						event.json().getBytes(StandardCharsets.UTF_8));
				this.registry.counter(SCHEDULED, "kind", scheduled.kind()).increment();
			}
			else if (EventCatalog.DEADLINE_RESCHEDULED.name().equals(event.type())) {
				DeadlineRescheduled rescheduled = this.codec.fromJson(EventCatalog.DEADLINE_RESCHEDULED,
						event.json().getBytes(StandardCharsets.UTF_8));
				this.registry.counter(RESCHEDULED, "kind", rescheduled.kind()).increment();
			}
		}
	}

}
