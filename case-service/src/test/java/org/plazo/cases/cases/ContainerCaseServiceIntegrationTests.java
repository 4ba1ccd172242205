package org.plazo.cases.cases;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The same integration tests against real Kafka and MongoDB 8. Skipped where there is no
 * Docker engine, as on the build machines.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerCaseServiceIntegrationTests extends CaseServiceIntegrationTests {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8");

}
