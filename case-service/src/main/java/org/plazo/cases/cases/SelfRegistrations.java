package org.plazo.cases.cases;

import java.util.Map;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.plazo.cases.observability.CaseMetrics;
import org.plazo.events.EventCodec;
import org.plazo.events.MalformedEventException;
import org.plazo.events.Topics;
import org.plazo.events.notifications.SelfRegistrationConfirmed;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * People not yet known to any office register by SMS with notify-service; once they
 * confirm the day they arrived, a pre-application case is opened for them here, so the
 * six-month filing window is reminded. Thin: decode, then one call.
 */
@Configuration(proxyBeanMethods = false)
class SelfRegistrations {

	private final CaseManagement cases;

	private final EventCodec codec = new EventCodec();

	SelfRegistrations(CaseManagement cases) {
		this.cases = cases;
	}

	@KafkaListener(id = "case-service-self-registrations", topics = Topics.NOTIFICATION_EVENTS)
	void on(CloudEvent event) {
		if (event == null) {
			throw new MalformedEventException("Record has no CloudEvent");
		}
		this.codec.fromCloudEvent(event).ifPresent((envelope) -> {
			if (envelope.data() instanceof SelfRegistrationConfirmed confirmed) {
				this.cases.openSelfRegistered(confirmed);
			}
		});
	}

	/**
	 * Unreadable records go to the topic's dead-letter topic at once; others after a
	 * bounded back-off.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaProperties properties, CaseMetrics metrics) {
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
