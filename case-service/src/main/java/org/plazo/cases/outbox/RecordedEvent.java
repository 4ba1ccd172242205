package org.plazo.cases.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;

/**
 * An event as its aggregate recorded it. The id is fixed here, once, so every re-publish
 * carries the same CloudEvents id and consumers can de-duplicate.
 *
 * @param eventId the CloudEvents id
 * @param type the CloudEvents type name (never a Java class name, so a rename cannot
 * strand stored events)
 * @param recordedAt when it happened, to the millisecond MongoDB keeps
 * @param data the event as JSON, published exactly as recorded
 */
public record RecordedEvent(String eventId, String type, Instant recordedAt, String data) {

	private static final EventCodec codec = new EventCodec();

	public static RecordedEvent of(PlazoEvent event, Instant recordedAt) {
		return new RecordedEvent(UUID.randomUUID().toString(), EventCatalog.of(event).name(), recordedAt,
				new String(codec.toJson(event), StandardCharsets.UTF_8));
	}

}
