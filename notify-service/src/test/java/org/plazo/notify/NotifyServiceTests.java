package org.plazo.notify;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.plazo.events.Topics;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scenarios on the embedded Kafka broker (KRaft) and the in-process MongoDB-wire
 * server, as on the build machines.
 */
@EmbeddedKafka(topics = { Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
// Stop the listeners and the broker with the class, not in the JVM's shutdown hooks.
@DirtiesContext
class NotifyServiceTests extends NotifyServiceScenarios {

	// Like the cached application context that uses it, it lives as long as the JVM.
	static final MongoServer mongo = new MongoServer(new MemoryBackend());

	static final String mongoUri = mongo.bindAndGetConnectionString() + "/plazo-notify";

	@DynamicPropertySource
	static void mongoProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> mongoUri);
	}

}
