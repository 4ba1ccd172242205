package org.plazo.notify.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.EventType;
import org.plazo.events.PlazoEvent;

/**
 * An event recorded in an aggregate's outbox and not yet published. Its data is kept as
 * the JSON that goes on the wire, so the stored form is the contract, not a Java class.
 *
 * @param eventId the CloudEvents id
 * @param type the CloudEvents type name
 * @param time when it happened
 * @param data the event data as JSON
 */
public record PendingEvent(String eventId, String type, Instant time, String data) {

	private static final EventCodec codec = new EventCodec();

	public static PendingEvent of(String eventId, PlazoEvent event, Instant time) {
		return new PendingEvent(eventId, EventCatalog.of(event).name(), time,
				new String(codec.toJson(event), StandardCharsets.UTF_8));
	}

	public PlazoEvent event() {
		EventType<?> eventType = EventCatalog.byName(this.type)
			.orElseThrow(() -> new IllegalStateException("Unknown event type " + this.type));
		return codec.fromJson(eventType, this.data.getBytes(StandardCharsets.UTF_8));
	}

}
