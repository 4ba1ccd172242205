package org.plazo.deadlines.events;

import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.plazo.deadlines.observability.DeadLetterMetrics;
import org.plazo.events.MalformedEventException;
import org.plazo.events.Topics;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	/**
	 * Batch listeners: each poll's records in one call, offsets committed once per poll.
	 * A listener of this factory names a failed record with
	 * {@link BatchListenerFailedException}: the records before it are committed, it is
	 * retried or dead-lettered by {@link #kafkaErrorHandler}, and those after it come
	 * again with the next poll. Every other setting is Spring Boot's
	 * ({@code spring.kafka.listener.*}), as for the record listeners of the default
	 * factory.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<Object, Object> consumerFactory) {
		var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
		configurer.configure(factory, consumerFactory);
		factory.setBatchListener(true);
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		// Spring Kafka observes record listeners only; a batch listener falls back to a
		// timer of the same name with other tags, which Prometheus then refuses for every
		// record listener of the service. The batch listener times its polls itself
		// (plazo.case-events.poll).
		factory.getContainerProperties().setMicrometerEnabled(false);
		return factory;
	}

	@Bean
	NewTopic deadlineEventsTopic() {
		return TopicBuilder.name(Topics.DEADLINE_EVENTS).partitions(3).build();
	}

	@Bean
	NewTopic caseEventsDeadLetterTopic() {
		return TopicBuilder.name(Topics.deadLetter(Topics.CASE_EVENTS)).partitions(3).build();
	}

	/**
	 * One error handler for every listener: a bounded back-off for transient failures,
	 * then the dead-letter topic. Records that cannot be read are dead-lettered at once.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaProperties properties, DeadLetterMetrics metrics) {
		// Raw bytes when the record could not be deserialized, a CloudEvent otherwise.
		var producerFactory = new DefaultKafkaProducerFactory<String, Object>(properties.buildProducerProperties(),
				new StringSerializer(),
				new DelegatingByTypeSerializer(
						Map.of(byte[].class, new ByteArraySerializer(), CloudEvent.class, new CloudEventSerializer()),
						true));
		var recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producerFactory),
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
		var backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxElapsedTime(10_000);
		var handler = new DefaultErrorHandler((record, ex) -> {
			recoverer.accept(record, withoutBatchWrapper(ex));
			metrics.deadLettered(Topics.deadLetter(record.topic()));
		}, backOff);
		handler.setBackOffFunction((record, ex) -> untilStoreIsBack(ex));
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

	/**
	 * A batch listener's failure as a record listener's would be: the dead letter's
	 * exception-cause header names the record's own failure (e.g. an unreadable event),
	 * not the {@link BatchListenerFailedException} that pointed at it.
	 */
	static Exception withoutBatchWrapper(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BatchListenerFailedException failed && failed.getCause() != null) {
				String groupId = (ex instanceof ListenerExecutionFailedException outer) ? outer.getGroupId() : null;
				return new ListenerExecutionFailedException(ex.getMessage(), groupId, failed.getCause());
			}
		}
		return ex;
	}

	/**
	 * While MongoDB is unreachable every record would fail alike: wait for it, without
	 * limit, rather than dead-letter records that are fine (the consumer slows down; the
	 * partition's lag grows and is alerted on).
	 */
	static BackOff untilStoreIsBack(Exception ex) {
		if (StoreOutage.causedBy(ex)) {
			ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
			backOff.setMaxInterval(10_000);
			return backOff;
		}
		return null;
	}

}
