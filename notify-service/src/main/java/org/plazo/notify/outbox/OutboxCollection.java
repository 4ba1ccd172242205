package org.plazo.notify.outbox;

/**
 * A MongoDB collection whose documents hold an {@code outbox} array of
 * {@link PendingEvent}s. Each feature with such documents declares one as a bean, so the
 * sweep looks there.
 *
 * @param name the collection
 */
public record OutboxCollection(String name) {

}
