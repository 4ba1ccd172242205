package org.plazo.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.plazo.events.Topics;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The KRaft broker the services' tests use (spring-kafka-test), in this JVM, with Plazo's
 * topics at three partitions each, as local-stack creates them.
 */
final class KafkaRig implements AutoCloseable {

	static final int PARTITIONS = 3;

	private final EmbeddedKafkaKraftBroker broker;

	KafkaRig() {
		this.broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
		this.broker.brokerProperty("auto.create.topics.enable", "true");
		this.broker.brokerProperty("num.partitions", String.valueOf(PARTITIONS));
		this.broker.brokerProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
		// A new consumer group starts at once instead of waiting 3 s for more members.
		this.broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		this.broker.afterPropertiesSet();
		createTopics(Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS,
				Topics.deadLetter(Topics.CASE_EVENTS), Topics.deadLetter(Topics.DEADLINE_EVENTS));
	}

	void createTopics(String... names) {
		NewTopic[] topics = java.util.Arrays.stream(names)
			.filter((name) -> !this.broker.getTopics().contains(name))
			.map((name) -> new NewTopic(name, PARTITIONS, (short) 1))
			.toArray(NewTopic[]::new);
		if (topics.length > 0) {
			this.broker.addTopics(topics);
		}
	}

	String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	/** A producer configured as the services' are: acks=all, idempotent. */
	KafkaProducer<String, CloudEvent> cloudEventProducer() {
		return new KafkaProducer<>(producerConfig(), new StringSerializer(), new CloudEventSerializer());
	}

	KafkaProducer<String, byte[]> bytesProducer() {
		return new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
	}

	private Map<String, Object> producerConfig() {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return config;
	}

	KafkaConsumer<String, byte[]> bytesConsumer() {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** Offsets of a consumer group behind the end of a topic, summed over partitions. */
	long lag(String group, String topic) {
		return this.broker.doWithAdminFunction((admin) -> {
			try {
				var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
				var partitions = java.util.stream.IntStream.range(0, PARTITIONS)
					.mapToObj((p) -> new org.apache.kafka.common.TopicPartition(topic, p))
					.toList();
				Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
				partitions.forEach((tp) -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
				var ends = admin.listOffsets(latest).all().get();
				long lag = 0;
				for (var tp : partitions) {
					long end = ends.get(tp).offset();
					var done = committed.get(tp);
					lag += end - ((done != null) ? done.offset() : 0);
				}
				return lag;
			}
			catch (Exception ex) {
				return Long.MAX_VALUE;
			}
		});
	}

	static Duration pollTimeout() {
		return Duration.ofMillis(100);
	}

	static List<String> plazoTopics() {
		return List.of(Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS);
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

}
