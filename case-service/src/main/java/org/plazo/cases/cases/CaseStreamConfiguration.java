package org.plazo.cases.cases;

import java.net.URI;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.plazo.cases.outbox.OutboxRelay;
import org.plazo.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The case stream: its topics, and the relay that publishes case documents' outboxes to
 * it.
 */
@Configuration(proxyBeanMethods = false)
class CaseStreamConfiguration {

	static final URI SOURCE = URI.create("urn:plazo:case-service");

	// Partitions are the unit of scale-out for consumers; a case stays on one of them.
	@Bean
	NewTopic caseEventsTopic() {
		return TopicBuilder.name(Topics.CASE_EVENTS).partitions(3).build();
	}

	@Bean
	NewTopic caseEventsDeadLetterTopic() {
		return TopicBuilder.name(Topics.deadLetter(Topics.CASE_EVENTS)).partitions(3).build();
	}

	@Bean
	OutboxRelay caseOutboxRelay(MongoOperations mongo, KafkaOperations<String, CloudEvent> kafka) {
		return new OutboxRelay(mongo, kafka, Case.COLLECTION, SOURCE);
	}

}
