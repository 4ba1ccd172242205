package org.plazo.cases.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kafka's clients report each per-topic metric twice: with the topic's name, and again
 * with its dots replaced by underscores (a deprecated form). Only the first is kept, so
 * that a sum of lag by topic counts each partition once.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicMetrics {

	@Bean
	MeterFilter kafkaTopicNamesOnce() {
		return new MeterFilter() {

			@Override
			public MeterFilterReply accept(Meter.Id id) {
				String topic = id.getTag("topic");
				boolean underscored = id.getName().startsWith("kafka.") && topic != null && !topic.contains(".")
						&& topic.contains("_");
				return underscored ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
			}

		};
	}

}
