package org.plazo.cases.cases;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.plazo.events.Topics;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The integration tests on the embedded Kafka broker (KRaft) and the in-process
 * MongoDB-wire server, as on the build machines.
 */
@EmbeddedKafka(partitions = 3, topics = { Topics.CASE_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EmbeddedCaseServiceIntegrationTests extends CaseServiceIntegrationTests {

	static final MongoServer mongoServer = new MongoServer(new MemoryBackend());

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		String address = mongoServer.bindAndGetConnectionString();
		registry.add("spring.mongodb.uri", () -> address + "/plazo-cases");
	}

	@AfterAll
	static void stopMongo() {
		mongoServer.shutdownNow();
	}

}
