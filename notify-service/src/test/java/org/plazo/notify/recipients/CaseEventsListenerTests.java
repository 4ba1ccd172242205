package org.plazo.notify.recipients;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;
import org.plazo.events.EventCodec;
import org.plazo.events.MalformedEventException;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.notify.privacy.PersonErasure;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Reads the case events this service consumes as case-service writes them (samples under
 * {@code src/test/resources/events}).
 */
class CaseEventsListenerTests {

	private final RecipientDirectory directory = mock();

	private final CaseEventsListener listener = new CaseEventsListener(new EventCodec(), this.directory,
			mock(PersonErasure.class));

	@Test
	void registersTheRecipientOfAnOpenedCase() throws IOException {
		this.listener.on(cloudEvent("org.plazo.case.opened.v1", sample("org.plazo.case.opened.v1")));

		verify(this.directory).register(new CaseOpened("case-1", LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS,
				"+50760001234", null, true, 1, Instant.parse("2026-03-02T15:00:00Z")));
	}

	@Test
	void skipsEventTypesItDoesNotKnow() {
		this.listener.on(cloudEvent("org.plazo.case.renamed.v9", "{\"caseId\":\"case-1\"}".getBytes()));

		verifyNoInteractions(this.directory);
	}

	@Test
	void rejectsAnOpenedCaseItCannotRead() {
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.listener.on(cloudEvent("org.plazo.case.opened.v1", "{\"caseId\":".getBytes())));
		verifyNoInteractions(this.directory);
	}

	static byte[] sample(String type) throws IOException {
		try (InputStream in = CaseEventsListenerTests.class.getResourceAsStream("/events/" + type + ".json")) {
			return in.readAllBytes();
		}
	}

	static CloudEvent cloudEvent(String type, byte[] data) {
		return CloudEventBuilder.v1()
			.withId("event-1")
			.withType(type)
			.withSource(URI.create("urn:plazo:case-service"))
			.withSubject("case-1")
			.withData(EventCodec.JSON, data)
			.build();
	}

}
