package org.plazo.notify.partners;

import org.apache.kafka.clients.admin.NewTopic;
import org.plazo.events.MalformedEventException;
import org.plazo.events.Topics;
import org.plazo.notify.partners.support.PartnerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The partner features' Kafka side: the feed topic, and a listener container factory of
 * their own. The partners' consumer group reads the same topics as the service's own
 * listeners; a record it cannot read is the main group's to dead-letter, so here it is
 * logged (coordinates only) and skipped, keeping each bad record once on the {@code .dlt}
 * topics. Anything else (a database or broker hiccup) is retried with growing pauses for
 * {@code plazo.partners.consumer.retry-for}, then logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnerProperties.class)
class PartnersConfiguration {

	static final String CONTAINER_FACTORY = "partnerListenerContainerFactory";

	private static final Logger log = LoggerFactory.getLogger(PartnersConfiguration.class);

	@Bean
	NewTopic partnerEventsTopic() {
		return TopicBuilder.name(Topics.PARTNER_EVENTS).partitions(3).build();
	}

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> partnerListenerContainerFactory(
			ConsumerFactory<Object, Object> consumers, PartnerProperties properties,
			@Value("${spring.kafka.listener.observation-enabled:false}") boolean observed) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumers);
		// Traced like the service's other listeners: the trace goes on from the record's
		// headers.
		factory.getContainerProperties().setObservationEnabled(observed);
		ExponentialBackOff backOff = new ExponentialBackOff(1000, 2);
		backOff.setMaxInterval(60_000);
		backOff.setMaxElapsedTime(properties.consumer().retryFor().toMillis());
		DefaultErrorHandler errors = new DefaultErrorHandler(
				(record, ex) -> log.error("Partner fan-out skipped record {}-{}@{}: {}", record.topic(),
						record.partition(), record.offset(), describe(ex)),
				backOff);
		errors.addNotRetryableExceptions(MalformedEventException.class);
		factory.setCommonErrorHandler(errors);
		return factory;
	}

	private static String describe(Exception ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		// Only our own messages are known to hold no personal data.
		return (cause instanceof MalformedEventException) ? cause.getMessage() : cause.getClass().getName();
	}

}
