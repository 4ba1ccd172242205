package org.plazo.events;

import java.net.URI;
import java.time.OffsetDateTime;

/**
 * A decoded event with the CloudEvents attributes consumers need: the id to de-duplicate
 * by, the source and the time.
 *
 * @param <T> the event record type
 * @param id the CloudEvents id, unique per source
 * @param type the CloudEvents type name
 * @param source the emitting service
 * @param time when the event happened
 * @param data the event itself
 */
public record Envelope<T extends PlazoEvent>(String id, String type, URI source, OffsetDateTime time, T data) {

}
