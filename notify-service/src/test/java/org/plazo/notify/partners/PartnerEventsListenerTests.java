package org.plazo.notify.partners;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.plazo.events.Envelope;
import org.plazo.events.EventCodec;
import org.plazo.events.MalformedEventException;
import org.plazo.events.PlazoEvent;
import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseAssigned;
import org.plazo.events.cases.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Reads the link events as case-service writes them (samples under
 * {@code src/test/resources/events}).
 */
class PartnerEventsListenerTests {

	private final PartnerFanout fanout = mock();

	private final PartnerEventsListener listener = new PartnerEventsListener(new EventCodec(), this.fanout);

	@Test
	void readsALinkMadeWithItsConsent() throws IOException {
		this.listener.on(cloudEvent("org.plazo.case.assigned.v1"));

		assertThat(received()).isEqualTo(new CaseAssigned("case-1", "assignment-1", "k3v9x0a1b2c3d4e5",
				List.of(SharedData.PROCEDURAL_EVENTS, SharedData.CONTACT_DETAILS),
				Instant.parse("2026-03-10T14:30:00Z"), "caseworker-17", "2026-03",
				Instant.parse("2026-03-10T15:00:00Z")));
	}

	@Test
	void readsALinkEnded() throws IOException {
		this.listener.on(cloudEvent("org.plazo.case.assignment-revoked.v1"));

		assertThat(received()).isEqualTo(new AssignmentRevoked("case-1", "assignment-1", "k3v9x0a1b2c3d4e5",
				Instant.parse("2026-04-01T13:00:00Z")));
	}

	@Test
	void skipsEventTypesItDoesNotKnowAndRefusesWhatItCannotRead() {
		this.listener.on(event("org.plazo.case.renamed.v9", "{\"caseId\":\"case-1\"}".getBytes()));
		verifyNoInteractions(this.fanout);

		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.listener.on(event("org.plazo.case.assigned.v1", "{\"caseId\":".getBytes())));
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> this.listener.on(null));
		verifyNoInteractions(this.fanout);
	}

	@SuppressWarnings("unchecked")
	private PlazoEvent received() {
		ArgumentCaptor<Envelope<PlazoEvent>> envelope = ArgumentCaptor.forClass(Envelope.class);
		verify(this.fanout).accept(envelope.capture());
		return envelope.getValue().data();
	}

	private static CloudEvent cloudEvent(String type) throws IOException {
		try (InputStream in = PartnerEventsListenerTests.class.getResourceAsStream("/events/" + type + ".json")) {
			return event(type, in.readAllBytes());
		}
	}

	private static CloudEvent event(String type, byte[] data) {
		return CloudEventBuilder.v1()
			.withId("event-1")
			.withType(type)
			.withSource(URI.create("urn:plazo:case-service"))
			.withSubject("case-1")
			.withData(EventCodec.JSON, data)
			.build();
	}

}
