package org.plazo.deadlines.tracking;

import org.plazo.deadlines.support.EmbeddedMongo;
import org.plazo.events.Topics;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scenarios on the embedded Kafka broker (KRaft) and the MongoDB wire-protocol
 * stand-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "plazo.dispatcher.poll-interval=PT0.2S", "plazo.dispatcher.lookahead=PT1S" })
@EmbeddedKafka(partitions = 1, topics = { Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(DeadlineServiceScenarios.TestClock.class)
class EmbeddedDeadlineServiceTests extends DeadlineServiceScenarios {

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("plazo-deadlines"));
	}

}
