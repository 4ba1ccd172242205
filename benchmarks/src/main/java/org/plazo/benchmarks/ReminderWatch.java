package org.plazo.benchmarks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Counts ReminderDue events of one group by reminder id (to find duplicates) and their
 * lateness: arrival on the topic minus the instant the reminder was due (the CloudEvent's
 * time, which the dispatcher sets to the reminder's fire time).
 */
final class ReminderWatch implements TopicWatcher.Handler {

	private final String prefix;

	private final String type;

	final Map<String, AtomicInteger> perReminder = new ConcurrentHashMap<>();

	final ConcurrentLinkedQueue<Double> latenessMs = new ConcurrentLinkedQueue<>();

	final AtomicReference<Instant> firstArrival = new AtomicReference<>();

	final AtomicReference<Instant> lastArrival = new AtomicReference<>();

	ReminderWatch(String prefix, String type) {
		this.prefix = prefix;
		this.type = type;
	}

	@Override
	public void on(ConsumerRecord<String, byte[]> record, Instant arrived) {
		if (!this.type.equals(TopicWatcher.header(record, "ce_type"))) {
			return;
		}
		String id = TopicWatcher.header(record, "ce_id");
		if (!this.prefix.equals(Reminders.prefixOf(id))) {
			return;
		}
		if (this.perReminder.computeIfAbsent(id, (k) -> new AtomicInteger()).incrementAndGet() == 1) {
			Instant due = OffsetDateTime.parse(TopicWatcher.header(record, "ce_time")).toInstant();
			this.latenessMs.add((arrived.toEpochMilli() - due.toEpochMilli()) * 1.0);
		}
		this.firstArrival.compareAndSet(null, arrived);
		this.lastArrival.set(arrived);
	}

	int distinct() {
		return this.perReminder.size();
	}

	long duplicates() {
		return this.perReminder.values().stream().mapToLong((count) -> count.get() - 1).sum();
	}

}
