package org.plazo.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The physical limit: 1 KB records produced (acks=all, idempotent, as the services
 * produce) and consumed on the same embedded broker, concurrently, end to end.
 */
final class CeilingBench {

	private CeilingBench() {
	}

	static void run(KafkaRig kafka, int records, Results results) throws Exception {
		String topic = "bench.ceiling";
		kafka.createTopics(topic);
		byte[] value = new byte[1024];
		new java.util.Random(1).nextBytes(value);
		AtomicLong consumed = new AtomicLong();
		AtomicLong lastArrival = new AtomicLong();
		BenchClock clock = new BenchClock(java.time.Instant.EPOCH);
		try (TopicWatcher watcher = new TopicWatcher(kafka, topic, clock, (record, arrived) -> {
			consumed.incrementAndGet();
			lastArrival.set(System.nanoTime());
		}); KafkaProducer<String, byte[]> producer = kafka.bytesProducer()) {
			long start = System.nanoTime();
			for (int i = 0; i < records; i++) {
				producer.send(new ProducerRecord<>(topic, "case-" + (i % 10_000), value));
			}
			producer.flush();
			long produced = System.nanoTime();
			long deadline = System.nanoTime() + 120_000_000_000L;
			while (consumed.get() < records && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			double seconds = (lastArrival.get() - start) / 1e9;
			results.put("kafka_ceiling_records_per_s", consumed.get() / seconds, "records/s", "",
					records + " records of 1 KB, produced (acks=all, idempotent) and consumed concurrently on the "
							+ "embedded KRaft broker, 3 partitions; end to end");
			results.put("kafka_ceiling_produce_records_per_s", records / ((produced - start) / 1e9), "records/s");
			results.put("kafka_ceiling_mb_per_s", consumed.get() * 1024 / 1024.0 / 1024.0 / seconds, "MB/s");
		}
	}

}
