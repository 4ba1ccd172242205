package org.plazo.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.plazo.events.cases.CaseOpened;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventCodecTests {

	private static final URI SOURCE = URI.create("urn:plazo:case-service");

	private final EventCodec codec = new EventCodec();

	private final OffsetDateTime time = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);

	@Test
	void everyEventSurvivesAKafkaRoundTripInBinaryMode() {
		for (PlazoEvent event : EventSamples.all()) {
			CloudEvent cloudEvent = this.codec.toCloudEvent(event, SOURCE, "id-1", this.time);
			RecordHeaders headers = new RecordHeaders();
			byte[] value;
			try (CloudEventSerializer serializer = new CloudEventSerializer()) {
				serializer.configure(Map.of(), false);
				value = serializer.serialize("topic", headers, cloudEvent);
			}
			assertThat(new String(headers.lastHeader("ce_type").value(), StandardCharsets.UTF_8))
				.isEqualTo(EventCatalog.of(event).name());
			assertThat(new String(headers.lastHeader("ce_subject").value(), StandardCharsets.UTF_8))
				.isEqualTo(event.caseId());
			assertThat(new String(value, StandardCharsets.UTF_8)).startsWith("{");
			CloudEvent received;
			try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
				received = deserializer.deserialize("topic", headers, value);
			}
			Envelope<PlazoEvent> envelope = this.codec.fromCloudEvent(received).orElseThrow();
			assertThat(envelope.data()).isEqualTo(event);
			assertThat(envelope.id()).isEqualTo("id-1");
			assertThat(envelope.source()).isEqualTo(SOURCE);
		}
	}

	@Test
	void skipsTypesItDoesNotKnow() {
		CloudEvent unknown = CloudEventBuilder.v1()
			.withId("x")
			.withType("org.plazo.case.teleported.v1")
			.withSource(SOURCE)
			.withData(EventCodec.JSON, "{}".getBytes(StandardCharsets.UTF_8))
			.build();
		assertThat(this.codec.fromCloudEvent(unknown)).isEmpty();
	}

	@Test
	void ignoresPropertiesAddedByNewerProducers() {
		String body = "{\"caseId\":\"c-1\",\"arrivalDate\":\"2026-03-02\",\"preferredLanguage\":\"en\","
				+ "\"preferredChannel\":\"EMAIL\",\"consentToContact\":true,\"householdSize\":0,"
				+ "\"openedAt\":\"2026-03-02T10:00:00Z\",\"addedLater\":42}";
		CaseOpened opened = this.codec.fromJson(EventCatalog.CASE_OPENED, body.getBytes(StandardCharsets.UTF_8));
		assertThat(opened.caseId()).isEqualTo("c-1");
		assertThat(opened.phone()).isNull();
	}

	@Test
	void rejectsUnreadableDataWithoutQuotingIt() {
		byte[] body = "{\"caseId\":\"c-1\",\"arrivalDate\":\"+50760001234\"}".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.codec.fromJson(EventCatalog.CASE_OPENED, body))
			.withMessageNotContaining("+50760001234");
	}

	@Test
	void rejectsASubjectThatDoesNotMatchTheCase() {
		CloudEvent event = this.codec.toCloudEvent(EventSamples.all().get(0), SOURCE, "id-2", this.time);
		CloudEvent tampered = CloudEventBuilder.v1(event).withSubject("another-case").build();
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> this.codec.fromCloudEvent(tampered));
	}

}
