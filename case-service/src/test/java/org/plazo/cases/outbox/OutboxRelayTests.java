package org.plazo.cases.outbox;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.plazo.events.cases.ApplicationFiled;
import org.plazo.events.cases.ArrivalDateCorrected;
import org.plazo.events.cases.ReconsiderationFiled;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

/**
 * The relay on the MongoDB-wire stand-in with a broker that acknowledges or fails as
 * told.
 */
class OutboxRelayTests {

	static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

	private final MongoServer server = new MongoServer(new MemoryBackend());

	@SuppressWarnings("unchecked")
	private final KafkaOperations<String, CloudEvent> kafka = mock(KafkaOperations.class);

	private MongoClient client;

	private MongoTemplate mongo;

	private OutboxRelay relay;

	@BeforeEach
	void start() {
		this.client = MongoClients.create(this.server.bindAndGetConnectionString());
		this.mongo = new MongoTemplate(this.client, "outbox-tests");
		this.relay = new OutboxRelay(this.mongo, this.kafka, "things", URI.create("urn:plazo:case-service"));
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.relay.destroy();
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void publishesInOrderKeyedByTheDocumentAndRemovesWhatWasAcknowledged() {
		RecordedEvent filed = RecordedEvent.of(new ApplicationFiled("case-1", LocalDate.of(2026, 3, 2)), NOW);
		RecordedEvent reconsidered = RecordedEvent.of(new ReconsiderationFiled("case-1", LocalDate.of(2026, 3, 9)),
				NOW);
		store("case-1", filed, reconsidered);
		brokerAcknowledges();

		this.relay.sweep();

		List<ProducerRecord<String, CloudEvent>> sent = sent(2);
		assertThat(sent).extracting(ProducerRecord::key).containsOnly("case-1");
		assertThat(sent).extracting((record) -> record.value().getId())
			.containsExactly(filed.eventId(), reconsidered.eventId());
		assertThat(sent).extracting(ProducerRecord::topic).containsOnly("plazo.case-events.v1");
		assertThat(pending("case-1")).isEmpty();
	}

	@Test
	void keepsTheEventsFromTheFirstFailureOnSoNoneOvertakesAnother() {
		RecordedEvent first = RecordedEvent.of(new ApplicationFiled("case-1", LocalDate.of(2026, 3, 2)), NOW);
		RecordedEvent second = RecordedEvent.of(new ReconsiderationFiled("case-1", LocalDate.of(2026, 3, 9)), NOW);
		RecordedEvent third = RecordedEvent.of(new ArrivalDateCorrected("case-1", LocalDate.of(2026, 3, 1)), NOW);
		store("case-1", first, second, third);
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(acknowledged())
			.willReturn(CompletableFuture.failedFuture(new TimeoutException("broker away")));

		this.relay.sweep();

		assertThat(pending("case-1")).containsExactly(second, third);
		then(this.kafka).should(times(2)).send(any(ProducerRecord.class));
	}

	@Test
	void stopsTheSweepWhenTheBrokerIsAway() {
		store("case-1", RecordedEvent.of(new ApplicationFiled("case-1", LocalDate.of(2026, 3, 2)), NOW));
		store("case-2", RecordedEvent.of(new ApplicationFiled("case-2", LocalDate.of(2026, 3, 2)), NOW));
		given(this.kafka.send(any(ProducerRecord.class)))
			.willReturn(CompletableFuture.failedFuture(new TimeoutException("broker away")));

		this.relay.sweep();

		then(this.kafka).should(times(1)).send(any(ProducerRecord.class));
		assertThat(pending("case-1")).hasSize(1);
		assertThat(pending("case-2")).hasSize(1);
	}

	@Test
	void sweepsPastADocumentWhoseEventCannotBeRead() {
		store("case-1", new RecordedEvent("e-1", "org.plazo.case.teleported.v1", NOW, "{}"));
		RecordedEvent readable = RecordedEvent.of(new ApplicationFiled("case-2", LocalDate.of(2026, 3, 2)), NOW);
		store("case-2", readable);
		brokerAcknowledges();

		this.relay.sweep();

		assertThat(sent(1)).singleElement().satisfies((record) -> assertThat(record.key()).isEqualTo("case-2"));
		assertThat(pending("case-1")).hasSize(1);
		assertThat(pending("case-2")).isEmpty();
	}

	private void store(String id, RecordedEvent... events) {
		this.mongo.save(new Thing(id, List.of(events)), "things");
	}

	private List<RecordedEvent> pending(String id) {
		return this.mongo.findById(id, Thing.class, "things").outbox();
	}

	private void brokerAcknowledges() {
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(acknowledged());
	}

	private static CompletableFuture<SendResult<String, CloudEvent>> acknowledged() {
		return CompletableFuture.completedFuture(null);
	}

	@SuppressWarnings("unchecked")
	private List<ProducerRecord<String, CloudEvent>> sent(int times) {
		ArgumentCaptor<ProducerRecord<String, CloudEvent>> records = ArgumentCaptor.forClass(ProducerRecord.class);
		then(this.kafka).should(times(times)).send(records.capture());
		return records.getAllValues();
	}

	/** Any document with an outbox. */
	record Thing(String id, List<RecordedEvent> outbox) {

	}

}
