package org.plazo.deadlines.tracking;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.support.EmbeddedMongo;
import org.plazo.deadlines.support.MovableClock;
import org.plazo.events.Envelope;
import org.plazo.events.EventCodec;
import org.plazo.events.MalformedEventException;
import org.plazo.events.PlazoEvent;
import org.plazo.events.Topics;
import org.plazo.events.cases.ApplicationFiled;
import org.plazo.events.cases.ArrivalDateCorrected;
import org.plazo.events.cases.CaseEvent;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.CaseworkerAssigned;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.cases.ContactDetailsChanged;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case-events listener takes each poll as one batch: records are produced while its
 * container is stopped, so that it finds them all in its first poll.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.kafka.listener.auto-startup=false",
		"spring.kafka.consumer.properties.interceptor.classes=org.plazo.deadlines.tracking.CaseEventsBatchTests$Commits" })
@EmbeddedKafka(partitions = 1, topics = { Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(DeadlineServiceScenarios.TestClock.class)
class CaseEventsBatchTests {

	static final Instant START = DeadlineServiceScenarios.START;

	static final String LISTENER = "deadline-service-case-events";

	private final EventCodec codec = new EventCodec();

	@Autowired
	MovableClock clock;

	@Autowired
	Environment environment;

	@Autowired
	DeadlineTracking tracking;

	@Autowired
	KafkaListenerEndpointRegistry registry;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("plazo-deadlines-batch"));
	}

	@BeforeEach
	void startAtTheSameInstant() {
		this.clock.set(START);
		Commits.seen.clear();
	}

	@AfterEach
	void stopListening() {
		this.registry.getListenerContainer(LISTENER).stop();
	}

	@Test
	void aPollOfSeveralCasesIsAppliedWithOneCommitAndTheSameDeadlinesAsOneByOne() {
		List<String> cases = List.of(newCaseId(), newCaseId(), newCaseId());
		List<String> twins = List.of(newCaseId(), newCaseId(), newCaseId());
		List<CloudEvent> batch = history(cases);
		List<CloudEvent> oneByOne = history(twins);
		long end = 0;
		for (CloudEvent event : batch) {
			end = publish(event) + 1;
		}
		// Case c's early reminders are past: it gets one "at once", timed from the clock.
		this.clock.advance(Duration.ofMinutes(5));

		this.registry.getListenerContainer(LISTENER).start();

		long committed = end;
		await().atMost(Duration.ofSeconds(30)).until(() -> lastCommitted() == committed);
		assertThat(Commits.seen).hasSize(1);
		for (CloudEvent event : oneByOne) {
			this.tracking.apply(envelope(event));
		}
		for (int i = 0; i < cases.size(); i++) {
			CaseDeadlinesView batched = this.tracking.find(cases.get(i)).orElseThrow();
			CaseDeadlinesView single = this.tracking.find(twins.get(i)).orElseThrow();
			assertThat(batched.deadlines()).isNotEmpty();
			assertThat(batched.toString().replace(cases.get(i), "CASE"))
				.isEqualTo(single.toString().replace(twins.get(i), "CASE"));
		}
	}

	@Test
	void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAndTheOthersAreApplied() throws Exception {
		List<String> before = List.of(newCaseId(), newCaseId());
		String poisoned = newCaseId();
		List<String> after = List.of(newCaseId(), newCaseId());
		before.forEach((caseId) -> publish(opened(caseId, caseId)));
		publishGarbage(poisoned);
		long end = 0;
		for (String caseId : after) {
			end = publish(opened(caseId, caseId)) + 1;
		}

		this.registry.getListenerContainer(LISTENER).start();

		long committed = end;
		await().atMost(Duration.ofSeconds(30)).until(() -> lastCommitted() == committed);
		for (String caseId : before) {
			assertThat(this.tracking.find(caseId)).get().satisfies((v) -> assertThat(v.deadlines()).isNotEmpty());
		}
		for (String caseId : after) {
			assertThat(this.tracking.find(caseId)).get().satisfies((v) -> assertThat(v.deadlines()).isNotEmpty());
		}
		assertThat(this.tracking.find(poisoned)).isEmpty();
		// As a record listener's would: the record's own failure, not the batch's
		// pointer.
		assertThat(deadLetterCauses()).containsEntry(poisoned, MalformedEventException.class.getName());
	}

	/**
	 * Each case: opened, facts that change deadlines and facts that do not, a redelivery.
	 */
	private List<CloudEvent> history(List<String> cases) {
		String a = cases.get(0);
		String b = cases.get(1);
		String c = cases.get(2);
		CloudEvent openedA = opened(a, "a");
		return List.of(openedA, opened(b, "b"), cloud(new CaseworkerAssigned(a, "ben", START), "a-assigned"),
				cloud(new ArrivalDateCorrected(a, LocalDate.of(2026, 2, 20)), "a-corrected"),
				cloud(new CaseOpened(c, LocalDate.of(2025, 11, 3), "es", ContactChannel.SMS, "+50760001234", null, true,
						2, START), "c"),
				openedA, cloud(new ApplicationFiled(b, LocalDate.of(2026, 3, 10)), "b-filed"),
				cloud(new ContactDetailsChanged(c, START), "c-contact"),
				cloud(new ArrivalDateCorrected(a, LocalDate.of(2026, 2, 25)), "a-corrected-again"));
	}

	private CloudEvent opened(String caseId, String name) {
		return cloud(new CaseOpened(caseId, LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, "+50760001234", null,
				true, 1, START), name);
	}

	/** Ids derived from the name, so that a case's twin gets the same ones. */
	private CloudEvent cloud(PlazoEvent event, String name) {
		String id = UUID.nameUUIDFromBytes((event.caseId() + name).getBytes(StandardCharsets.UTF_8)).toString();
		return this.codec.toCloudEvent(event, URI.create("urn:plazo:case-service"), id,
				OffsetDateTime.ofInstant(START, ZoneOffset.UTC));
	}

	@SuppressWarnings("unchecked")
	private Envelope<? extends CaseEvent> envelope(CloudEvent event) {
		return (Envelope<? extends CaseEvent>) (Envelope<?>) this.codec.fromCloudEvent(event).orElseThrow();
	}

	private long publish(CloudEvent event) {
		try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
				new CloudEventSerializer())) {
			return producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, event.getSubject(), event)).get().offset();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void publishGarbage(String caseId) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.CASE_EVENTS, caseId,
					"{not json".getBytes(StandardCharsets.UTF_8));
			garbage.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
			garbage.headers().add("ce_id", "bad-1".getBytes(StandardCharsets.UTF_8));
			garbage.headers().add("ce_type", "org.plazo.case.opened.v1".getBytes(StandardCharsets.UTF_8));
			garbage.headers().add("ce_source", "urn:test".getBytes(StandardCharsets.UTF_8));
			garbage.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
			producer.send(garbage).get();
		}
	}

	/** The exception-cause header of each dead letter, by key. */
	private Map<String, String> deadLetterCauses() {
		Map<String, String> causes = new HashMap<>();
		try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
						"dlt-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			dlt.subscribe(List.of(Topics.deadLetter(Topics.CASE_EVENTS)));
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				dlt.poll(Duration.ofMillis(200)).forEach((r) -> {
					Header cause = r.headers().lastHeader("kafka_dlt-exception-cause-fqcn");
					causes.put(r.key(), (cause != null) ? new String(cause.value(), StandardCharsets.UTF_8) : null);
				});
				return !causes.isEmpty();
			});
		}
		return causes;
	}

	private long lastCommitted() {
		return Commits.seen.isEmpty() ? -1 : Commits.seen.get(Commits.seen.size() - 1);
	}

	private String bootstrapServers() {
		return this.environment.getProperty("spring.kafka.bootstrap-servers");
	}

	private static String newCaseId() {
		return "case-" + UUID.randomUUID();
	}

	/**
	 * Records the offsets that deadline tracking's consumer group commits on the case
	 * topic, one entry per commit.
	 */
	public static class Commits implements ConsumerInterceptor<Object, Object> {

		static final List<Long> seen = new CopyOnWriteArrayList<>();

		private boolean tracking;

		@Override
		public void configure(Map<String, ?> configs) {
			this.tracking = "deadline-service-case-events".equals(configs.get(ConsumerConfig.GROUP_ID_CONFIG));
		}

		@Override
		public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
			return records;
		}

		@Override
		public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
			if (!this.tracking) {
				return;
			}
			offsets.forEach((partition, offset) -> {
				if (Topics.CASE_EVENTS.equals(partition.topic())) {
					seen.add(offset.offset());
				}
			});
		}

		@Override
		public void close() {
		}

	}

}
