package org.plazo.deadlines.tracking;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Import;

/**
 * The same scenarios on real Kafka and MongoDB. Skipped where no Docker engine runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "plazo.dispatcher.poll-interval=PT0.2S", "plazo.dispatcher.lookahead=PT1S" })
@Testcontainers(disabledWithoutDocker = true)
@Import(DeadlineServiceScenarios.TestClock.class)
class ContainerDeadlineServiceTests extends DeadlineServiceScenarios {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@Override
	String bootstrapServers() {
		return kafka.getBootstrapServers();
	}

}
