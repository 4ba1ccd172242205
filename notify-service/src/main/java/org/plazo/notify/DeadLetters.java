package org.plazo.notify;

import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.plazo.events.MalformedEventException;
import org.plazo.events.Topics;
import org.plazo.notify.observability.NotifyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends records this service cannot process to {@code <topic>.dlt}, as they were
 * received: the raw bytes of a record that could not be deserialized, or the CloudEvent.
 * Its own producer, because the application's one serializes CloudEvents only.
 */
class DeadLetters implements ConsumerRecordRecoverer, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final DefaultKafkaProducerFactory<String, Object> producers;

	private final DeadLetterPublishingRecoverer recoverer;

	private final NotifyMetrics metrics;

	DeadLetters(ProducerFactory<?, ?> applicationProducers, NotifyMetrics metrics) {
		this.metrics = metrics;
		this.producers = new DefaultKafkaProducerFactory<>(applicationProducers.getConfigurationProperties(),
				new StringSerializer(), new DeadLetterSerializer());
		// Partition -1: let the key choose, as the dead-letter topic may have fewer
		// partitions.
		this.recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(this.producers),
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception ex) {
		log.error("Record {}-{}@{} could not be processed ({}); sending it to {}", record.topic(), record.partition(),
				record.offset(), describe(ex), Topics.deadLetter(record.topic()));
		this.recoverer.accept(record, ex);
		this.metrics.deadLettered(Topics.deadLetter(record.topic()));
	}

	@Override
	public void destroy() {
		this.producers.destroy();
	}

	private static String describe(Exception ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		// Only our own messages are known to hold no personal data.
		return (cause instanceof MalformedEventException) ? cause.getMessage() : cause.getClass().getName();
	}

	/**
	 * Raw bytes as they are; a CloudEvent in binary mode. The CloudEvents serializer adds
	 * its {@code ce_} headers without removing any, so the copies taken from the original
	 * record are dropped first.
	 */
	static final class DeadLetterSerializer implements Serializer<Object> {

		private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

		DeadLetterSerializer() {
			this.cloudEvents.configure(Map.of(), false);
		}

		@Override
		public byte[] serialize(String topic, Object data) {
			return serialize(topic, new RecordHeaders(), data);
		}

		@Override
		public byte[] serialize(String topic, Headers headers, Object data) {
			if (data == null || data instanceof byte[]) {
				return (byte[]) data;
			}
			if (data instanceof CloudEvent event) {
				for (Header header : headers.toArray()) {
					if (header.key().startsWith("ce_") || header.key().equals("content-type")) {
						headers.remove(header.key());
					}
				}
				return this.cloudEvents.serialize(topic, headers, event);
			}
			throw new SerializationException("Cannot write a dead letter of type " + data.getClass().getName());
		}

	}

}
