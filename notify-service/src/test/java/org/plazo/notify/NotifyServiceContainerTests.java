package org.plazo.notify;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The scenarios on a real Kafka broker and a real MongoDB. Skipped where there is no
 * Docker engine, as on the build machines.
 */
@Testcontainers(disabledWithoutDocker = true)
class NotifyServiceContainerTests extends NotifyServiceScenarios {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.0");

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

}
