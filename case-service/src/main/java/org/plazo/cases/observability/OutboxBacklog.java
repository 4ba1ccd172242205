package org.plazo.cases.observability;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.plazo.cases.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@code plazo.outbox.backlog} gauge: events recorded but not yet acknowledged by
 * Kafka. Counting scans the outbox collections, so it runs once per interval on a
 * schedule, never per scrape or per event; the gauge shows the last count.
 */
@Component
class OutboxBacklog {

	static final String BACKLOG = "plazo.outbox.backlog";

	private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

	private final List<OutboxRelay> relays;

	private final AtomicLong pending = new AtomicLong();

	OutboxBacklog(List<OutboxRelay> relays, MeterRegistry registry) {
		this.relays = relays;
		Gauge.builder(BACKLOG, this.pending, AtomicLong::get)
			.description("Events waiting in the outbox to be published to Kafka")
			.register(registry);
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${plazo.metrics.outbox-backlog-interval:PT15S}")
	void count() {
		try {
			this.pending.set(this.relays.stream().mapToLong(OutboxRelay::backlog).sum());
		}
		catch (RuntimeException ex) {
			// MongoDB away: keep the last count; the readiness probe tells the rest.
			log.warn("Could not count the outbox backlog: {}", ex.getClass().getName());
		}
	}

}
