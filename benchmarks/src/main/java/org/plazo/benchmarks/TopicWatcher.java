package org.plazo.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Reads a topic from its current end on a thread of its own and hands each record, with
 * the instant it arrived (benchmark clock), to a handler. Values are not deserialized:
 * CloudEvents in binary mode carry id, type and time in headers.
 */
final class TopicWatcher implements AutoCloseable {

	interface Handler {

		void on(ConsumerRecord<String, byte[]> record, Instant arrived);

	}

	private final Thread thread;

	private volatile boolean running = true;

	TopicWatcher(KafkaRig kafka, String topic, Clock clock, Handler handler) throws InterruptedException {
		CountDownLatch positioned = new CountDownLatch(1);
		this.thread = new Thread(() -> {
			try (KafkaConsumer<String, byte[]> consumer = kafka.bytesConsumer()) {
				List<TopicPartition> partitions = consumer.partitionsFor(topic)
					.stream()
					.map((p) -> new TopicPartition(topic, p.partition()))
					.toList();
				consumer.assign(partitions);
				consumer.seekToEnd(partitions);
				partitions.forEach(consumer::position);
				positioned.countDown();
				while (this.running) {
					for (ConsumerRecord<String, byte[]> record : consumer.poll(KafkaRig.pollTimeout())) {
						handler.on(record, clock.instant());
					}
				}
			}
		}, "watch-" + topic);
		this.thread.setDaemon(true);
		this.thread.start();
		if (!positioned.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Could not read " + topic);
		}
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(10_000);
	}

}
