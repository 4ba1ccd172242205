package org.plazo.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.cfg.DateTimeFeature;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Turns event records into CloudEvents 1.0 (JSON data) and back. The wire carries the
 * CloudEvents type name, never a Java class name.
 *
 * <p>
 * Reading ignores unknown JSON properties, because producers may add optional fields
 * without a new type name. Reading an unknown type name gives an empty result, so an
 * older consumer skips newer event types instead of failing.
 */
public final class EventCodec {

	public static final String JSON = "application/json";

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	public CloudEvent toCloudEvent(PlazoEvent event, URI source, String id, OffsetDateTime time) {
		EventType<?> type = EventCatalog.of(event);
		return CloudEventBuilder.v1()
			.withId(id)
			.withType(type.name())
			.withSource(source)
			.withSubject(event.caseId())
			.withTime(time)
			.withDataContentType(JSON)
			.withDataSchema(URI.create("urn:plazo:schema:" + type.name()))
			.withData(JSON, toJson(event))
			.build();
	}

	public byte[] toJson(PlazoEvent event) {
		return this.json.writeValueAsBytes(event);
	}

	/**
	 * Reads a CloudEvent.
	 * @param event the event as received
	 * @return the decoded event, or empty when its type is unknown to this version
	 * @throws MalformedEventException when a known type's data cannot be read
	 */
	public Optional<Envelope<PlazoEvent>> fromCloudEvent(CloudEvent event) {
		Optional<EventType<?>> type = EventCatalog.byName(event.getType());
		if (type.isEmpty()) {
			return Optional.empty();
		}
		CloudEventData data = event.getData();
		if (data == null) {
			throw new MalformedEventException("Event " + event.getType() + " has no data");
		}
		PlazoEvent payload = fromJson(type.get(), data.toBytes());
		if (event.getSubject() != null && !event.getSubject().equals(payload.caseId())) {
			throw new MalformedEventException("Event " + event.getType() + " subject does not match its caseId");
		}
		return Optional.of(new Envelope<>(event.getId(), event.getType(), event.getSource(), event.getTime(), payload));
	}

	public <T extends PlazoEvent> T fromJson(EventType<T> type, byte[] data) {
		T payload;
		try {
			payload = this.json.readValue(data, type.javaType());
		}
		catch (JacksonException ex) {
			// The parser's message may quote the payload; keep only the location.
			throw new MalformedEventException("Event " + type.name() + " data is not readable JSON for its type");
		}
		if (payload == null || payload.caseId() == null || payload.caseId().isBlank()) {
			throw new MalformedEventException("Event " + type.name() + " has no caseId");
		}
		return payload;
	}

}
