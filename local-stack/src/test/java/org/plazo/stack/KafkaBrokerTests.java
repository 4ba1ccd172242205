package org.plazo.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaBrokerTests {

	private static final String TOPIC = "plazo.test-events.v1";

	@TempDir
	Path dataDirectory;

	@Test
	void keepsUnconsumedRecordsAcrossARestart() throws Exception {
		try (KafkaBroker broker = KafkaBroker.start(this.dataDirectory, 0)) {
			send(broker, "case-1", "opened");
			assertThat(consumeAll(broker, "first-reader")).containsExactly("case-1=opened");
		}
		try (KafkaBroker restarted = KafkaBroker.start(this.dataDirectory, 0)) {
			// A group that never read the topic finds the record on disk.
			assertThat(consumeAll(restarted, "second-reader")).containsExactly("case-1=opened");
			// The first group's committed offset survived too: it has nothing new to
			// read.
			send(restarted, "case-2", "opened");
			assertThat(consumeAll(restarted, "first-reader")).containsExactly("case-2=opened");
		}
	}

	@Test
	void createsTopicsWithThreePartitionsOnFirstUse() throws Exception {
		try (KafkaBroker broker = KafkaBroker.start(this.dataDirectory, 0);
				KafkaProducer<String, String> producer = producer(broker)) {
			producer.send(new ProducerRecord<>(TOPIC, "case-1", "opened")).get();
			assertThat(producer.partitionsFor(TOPIC)).hasSize(3);
		}
	}

	private static void send(KafkaBroker broker, String key, String value) throws Exception {
		try (KafkaProducer<String, String> producer = producer(broker)) {
			producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
		}
	}

	private static KafkaProducer<String, String> producer(KafkaBroker broker) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
				new StringSerializer(), new StringSerializer());
	}

	/**
	 * Reads from the group's committed offset (or the start) until a poll brings nothing
	 * more.
	 */
	private static List<String> consumeAll(KafkaBroker broker, String group) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				int before = records.size();
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					records.add(record.key() + "=" + record.value());
				}
				return !records.isEmpty() && records.size() == before;
			});
			consumer.commitSync();
		}
		return records;
	}

}
