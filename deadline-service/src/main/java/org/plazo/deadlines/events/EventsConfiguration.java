package org.plazo.deadlines.events;

import java.util.Map;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.plazo.deadlines.observability.DeadLetterMetrics;
import org.plazo.events.MalformedEventException;
import org.plazo.events.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

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
			recoverer.accept(record, ex);
			metrics.deadLettered(Topics.deadLetter(record.topic()));
		}, backOff);
		handler.setBackOffFunction((record, ex) -> untilStoreIsBack(ex));
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

	/**
	 * While MongoDB is unreachable every record would fail alike: wait for it, without
	 * limit, rather than dead-letter records that are fine (the consumer slows down; the
	 * partition's lag grows and is alerted on).
	 */
	static BackOff untilStoreIsBack(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
				ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
				backOff.setMaxInterval(10_000);
				return backOff;
			}
		}
		return null;
	}

}
