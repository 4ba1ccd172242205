package org.plazo.notify.operations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.plazo.events.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads the latest records this service dead-lettered (the {@code .dlt} topics of the
 * streams it consumes), for the operator's deliveries page. A short-lived consumer
 * without a group per request: it commits nothing and disturbs no listener. Only the key
 * (the case id), the CloudEvent type and id, and the exception's class are shown; never
 * the record's content.
 */
@Component
class DeadLetterReader {

	static final List<String> TOPICS = List.of(Topics.deadLetter(Topics.DEADLINE_EVENTS),
			Topics.deadLetter(Topics.CASE_EVENTS), Topics.deadLetter(Topics.NOTIFICATION_EVENTS));

	private static final Duration READ_FOR = Duration.ofSeconds(3);

	private final KafkaProperties properties;

	private final KafkaConnectionDetails connection;

	DeadLetterReader(KafkaProperties properties, KafkaConnectionDetails connection) {
		this.properties = properties;
		this.connection = connection;
	}

	/**
	 * @param limit at most this many per partition, and in all
	 * @return the latest dead letters, the newest first
	 */
	List<DeadLetter> latest(int limit) {
		Map<String, Object> config = new HashMap<>(this.properties.buildConsumerProperties());
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.connection.getConsumer().getBootstrapServers());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "notify-operations-dead-letters");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		List<DeadLetter> letters = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : TOPICS) {
				List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
				if (infos != null) {
					infos.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
				}
			}
			if (partitions.isEmpty()) {
				return List.of();
			}
			consumer.assign(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
			Map<TopicPartition, Long> remaining = new HashMap<>();
			for (TopicPartition partition : partitions) {
				long end = ends.getOrDefault(partition, 0L);
				long start = Math.max(begins.getOrDefault(partition, 0L), end - limit);
				consumer.seek(partition, start);
				if (end > start) {
					remaining.put(partition, end);
				}
			}
			Instant until = Instant.now().plus(READ_FOR);
			while (!remaining.isEmpty() && Instant.now().isBefore(until)) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					letters.add(DeadLetter.of(record));
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					if (record.offset() + 1 >= remaining.getOrDefault(partition, Long.MAX_VALUE)) {
						remaining.remove(partition);
					}
				}
			}
		}
		letters.sort(Comparator.comparing(DeadLetter::at).reversed());
		return letters.subList(0, Math.min(limit, letters.size()));
	}

	/**
	 * One dead-lettered record.
	 *
	 * @param topic the dead-letter topic
	 * @param partition its partition
	 * @param offset its offset
	 * @param at when it was dead-lettered
	 * @param caseId the record's key
	 * @param eventType the CloudEvent type, when the record had one
	 * @param eventId the CloudEvent id, when the record had one
	 * @param failure the class of the exception that sent it there
	 */
	record DeadLetter(String topic, int partition, long offset, Instant at, String caseId, String eventType,
			String eventId, String failure) {

		static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
			return new DeadLetter(record.topic(), record.partition(), record.offset(),
					Instant.ofEpochMilli(record.timestamp()),
					(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null,
					header(record, "ce_type"), header(record, "ce_id"),
					header(record, KafkaHeaders.DLT_EXCEPTION_FQCN));
		}

		private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
			Header header = record.headers().lastHeader(name);
			return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8)
					: null;
		}

	}

}
