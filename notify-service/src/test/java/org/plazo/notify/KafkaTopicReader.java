package org.plazo.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.plazo.events.Envelope;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;

/**
 * Reads everything on one topic from its beginning, without a consumer group, so a test
 * can look at what the service published.
 */
final class KafkaTopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	private final EventCodec codec = new EventCodec();

	KafkaTopicReader(List<String> bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers)),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/**
	 * Records read so far, after reading what arrived since the last call.
	 * @return the records with the given key
	 */
	List<ConsumerRecord<String, byte[]>> records(String key) {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
		return this.records.stream().filter((record) -> key.equals(record.key())).toList();
	}

	/**
	 * Events read so far, decoded as the service's consumers would.
	 * @param caseId the case (the key)
	 * @return the events of that case
	 */
	List<PlazoEvent> events(String caseId) {
		try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
			return records(caseId).stream()
				.map((record) -> (CloudEvent) deserializer.deserialize(record.topic(), record.headers(),
						record.value()))
				.map((event) -> this.codec.fromCloudEvent(event).map(Envelope::data).orElseThrow())
				.toList();
		}
	}

	/**
	 * Every event read so far, whatever its key.
	 * @return the events
	 */
	List<PlazoEvent> allEvents() {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
		try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
			return this.records.stream()
				.map((record) -> (CloudEvent) deserializer.deserialize(record.topic(), record.headers(),
						record.value()))
				.map((event) -> this.codec.fromCloudEvent(event).map(Envelope::data).orElseThrow())
				.toList();
		}
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
