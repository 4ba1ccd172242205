package org.plazo.notify;

import java.time.Duration;
import java.util.Optional;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.plazo.events.MalformedEventException;
import org.plazo.events.Topics;
import org.plazo.notify.notifications.DeliveryDeferred;
import org.plazo.notify.notifications.ReminderDelivery;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.recipients.ContactLookupUnavailable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens when a record cannot be processed, for every listener of this service: a
 * malformed record goes to its dead-letter topic at once; a deferred reminder is retried
 * with growing pauses for a bounded time and then recorded as failed; anything else is
 * retried a few times and then goes to the dead-letter topic. The consumer keeps going.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	DeadLetters deadLetters(ProducerFactory<?, ?> producerFactory, NotifyMetrics metrics) {
		return new DeadLetters(producerFactory, metrics);
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(DeadLetters deadLetters, ReminderDelivery delivery,
			@Value("${plazo.notify.retry.attempts}") long attempts,
			@Value("${plazo.notify.retry.interval}") Duration interval,
			@Value("${plazo.notify.retry.deferred-for}") Duration deferredFor) {
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> deferral(ex).ifPresentOrElse(
				(deferred) -> delivery.giveUp(deferred.reminder(), deferred.reason()),
				() -> deadLetters.accept(record, ex)), new FixedBackOff(interval.toMillis(), attempts));
		handler.setBackOffFunction(
				(record, ex) -> deferral(ex).isPresent() ? deferredBackOff(deferredFor) : untilStoreIsBack(ex));
		// Deserialization errors are not retried either: DefaultErrorHandler knows them.
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

	@Bean
	KafkaAdmin.NewTopics notifyServiceTopics() {
		return new KafkaAdmin.NewTopics(topic(Topics.NOTIFICATION_EVENTS), topic(Topics.deadLetter(Topics.CASE_EVENTS)),
				topic(Topics.deadLetter(Topics.DEADLINE_EVENTS)));
	}

	private static NewTopic topic(String name) {
		// Replicas: the broker's default.
		return TopicBuilder.name(name).partitions(3).build();
	}

	/**
	 * While MongoDB, or case-service's contact lookup, is unreachable every record would
	 * fail alike: wait for it, without limit, rather than dead-letter records that are
	 * fine (the consumer slows down; the partition's lag grows and is alerted on).
	 */
	static BackOff untilStoreIsBack(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
					|| cause instanceof ContactLookupUnavailable) {
				ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
				backOff.setMaxInterval(10_000);
				return backOff;
			}
		}
		return null;
	}

	private static BackOff deferredBackOff(Duration deferredFor) {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxInterval(Math.min(deferredFor.toMillis(), 15_000));
		backOff.setMaxElapsedTime(deferredFor.toMillis());
		return backOff;
	}

	private static Optional<DeliveryDeferred> deferral(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DeliveryDeferred deferred) {
				return Optional.of(deferred);
			}
		}
		return Optional.empty();
	}

}
