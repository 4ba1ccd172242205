package org.plazo.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Case events through deadline-service: CaseOpened CloudEvents in, until the matching
 * DeadlineScheduled events are on the deadline topic. Throughput with everything sent at
 * once; latency per event at a paced rate below saturation.
 */
final class IngestBench {

	static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

	private static final URI SOURCE = URI.create("urn:plazo:case-service");

	private final KafkaRig kafka;

	private final EventCodec codec = new EventCodec();

	private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

	private final Map<String, Long> latencyNanos = new ConcurrentHashMap<>();

	private final AtomicLong lastArrival = new AtomicLong();

	IngestBench(KafkaRig kafka) {
		this.kafka = kafka;
	}

	void run(MongoStandIn mongo, int events, int warmup, Duration pacedFor, int preloaded, Duration limit,
			Results results) throws Exception {
		BenchClock clock = new BenchClock(NOW);
		String database = "plazo-deadlines-ingest";
		String scheduled = EventCatalog.DEADLINE_SCHEDULED.name();
		try (TopicWatcher watcher = new TopicWatcher(this.kafka, Topics.DEADLINE_EVENTS, clock, (record, arrived) -> {
			if (scheduled.equals(TopicWatcher.header(record, "ce_type"))) {
				Long sent = this.sentAt.get(record.key());
				if (sent != null && this.latencyNanos.putIfAbsent(record.key(), System.nanoTime() - sent) == null) {
					this.lastArrival.set(System.nanoTime());
				}
			}
		});
				KafkaProducer<String, CloudEvent> producer = this.kafka.cloudEventProducer();
				ConfigurableApplicationContext context = Services.start(Services.DEADLINE_SERVICE, clock,
						Services.deadlineServiceArgs(this.kafka, mongo.uri(database)))) {
			// Warm-up (the JIT, the connection pools, the consumer's partitions), all at
			// once.
			List<String> warm = send(producer, "warm", warmup, 0);
			long warmStart = this.sentAt.get(warm.get(0));
			awaitAll(warm, Duration.ofSeconds(300));
			double warmRate = warm.stream().filter(this.latencyNanos::containsKey).count()
					/ ((this.lastArrival.get() - warmStart) / 1e9);

			// Latency first, on a small store: paced at half the warm-up's throughput.
			double pacedRate = Math.max(2, Math.min(2000, warmRate * 0.5));
			int pacedEvents = (int) Math.max(5, pacedRate * pacedFor.toSeconds());
			List<String> paced = send(producer, "paced", pacedEvents, pacedRate);
			awaitAll(paced, Duration.ofSeconds(300));
			Stats latency = Stats.of(paced.stream()
				.filter(this.latencyNanos::containsKey)
				.map((id) -> this.latencyNanos.get(id) / 1e6)
				.toList());
			results.put("ingest_paced_rate_per_s", pacedRate, "events/s", "",
					"offered load for the latency figures: half the warm-up's throughput (" + warmup
							+ " events at once on an empty store), at most 2,000/s");
			results.put("ingest_p50_ms", latency.percentile(50), "ms", "",
					"CaseOpened sent to DeadlineScheduled received, at the paced rate");
			results.put("ingest_p99_ms", latency.percentile(99), "ms", "< 250", "same, 99th percentile");

			// Throughput: all at once; the store grows by every event's reminders
			// meanwhile.
			List<String> burst = send(producer, "ingest", events, 0);
			long start = this.sentAt.get(burst.get(0));
			boolean complete = awaitAll(burst, limit);
			long done = burst.stream().filter(this.latencyNanos::containsKey).count();
			double seconds = (this.lastArrival.get() - start) / 1e9;
			double rate = done / seconds;
			results.put("ingest_events_per_s", rate, "events/s", ">= 2,000",
					events + " CaseOpened sent at once to " + Topics.CASE_EVENTS + " (3 partitions), until each case's "
							+ "DeadlineScheduled is on " + Topics.DEADLINE_EVENTS + " (warm-up: "
							+ Results.round(warmRate) + " events/s)"
							+ (complete ? "" : "; INCOMPLETE: " + done + " done within the time limit"));
			Stats saturated = Stats.of(burst.stream()
				.filter(this.latencyNanos::containsKey)
				.map((id) -> this.latencyNanos.get(id) / 1e6)
				.toList());
			results.put("ingest_saturated_p50_ms", saturated.percentile(50), "ms", "",
					"latency while everything was queued at once (includes the wait in the queue)");
			// Only when the ceiling phase ran too (-Dbench.only may leave it out).
			if (results.get("kafka_ceiling_records_per_s") instanceof Number ceiling) {
				results.put("ingest_ratio_to_ceiling", rate / ceiling.doubleValue(), "ratio", "",
						"ingest events/s divided by the Kafka ceiling records/s");
			}
			if (preloaded > 0) {
				// The same again with a store that already holds many reminders.
				Reminders.load(mongo.uri(database), database, List.of(DispatchBench.background(preloaded)), 13);
				// The loader's garbage, in this JVM (with the service) and in the
				// stand-in's, is not the service's cost: collect it before the
				// half-second this figure lasts.
				System.gc();
				Jvm.heapUsedMbAfterGc(mongo.pid());
				List<String> more = send(producer, "loaded", Math.max(5, events / 10), 0);
				long begin = this.sentAt.get(more.get(0));
				awaitAll(more, Duration.ofSeconds(300));
				long moreDone = more.stream().filter(this.latencyNanos::containsKey).count();
				long moreLast = more.stream()
					.filter(this.latencyNanos::containsKey)
					.mapToLong((id) -> this.sentAt.get(id) + this.latencyNanos.get(id))
					.max()
					.orElse(begin);
				results.put("ingest_events_per_s_with_" + preloaded + "_reminders_stored",
						moreDone / ((moreLast - begin) / 1e9), "events/s", "",
						more.size() + " CaseOpened at once after " + preloaded
								+ " reminders were bulk-loaded into the same store"
								+ ((moreDone < more.size()) ? "; INCOMPLETE: " + moreDone + " in 300 s" : ""));
			}
			try (MongoClient client = MongoClients.create(mongo.uri(database))) {
				long reminders = client.getDatabase(database).getCollection("reminders").countDocuments();
				long cases = client.getDatabase(database).getCollection("case_deadlines").countDocuments();
				results.put("ingest_reminders_per_event", (double) reminders / Math.max(1, cases), "reminders/event",
						"", "reminder documents upserted per CaseOpened");
				client.getDatabase(database).drop();
			}
		}
	}

	private List<String> send(KafkaProducer<String, CloudEvent> producer, String prefix, int count, double perSecond)
			throws InterruptedException {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> ids = new java.util.ArrayList<>(count);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			if (perSecond > 0) {
				long due = start + (long) (i * 1e9 / perSecond);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
			}
			String caseId = prefix + "-" + run + "-" + i;
			LocalDate arrival = LocalDate.of(2026, 3, 2).minusDays(i % 20);
			CaseOpened opened = new CaseOpened(caseId, arrival, "es", ContactChannel.SMS, "+50760001234", null, true,
					i % 4, NOW);
			CloudEvent event = this.codec.toCloudEvent(opened, SOURCE, UUID.randomUUID().toString(),
					OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
			this.sentAt.put(caseId, System.nanoTime());
			producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, caseId, event));
			ids.add(caseId);
		}
		producer.flush();
		return ids;
	}

	private boolean awaitAll(List<String> ids, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (ids.stream().allMatch(this.latencyNanos::containsKey)) {
				return true;
			}
			Thread.sleep(20);
		}
		return false;
	}

	static ConcurrentLinkedQueue<Double> queue() {
		return new ConcurrentLinkedQueue<>();
	}

}
