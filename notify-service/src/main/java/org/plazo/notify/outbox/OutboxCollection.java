package org.plazo.notify.outbox;

/**
 * A MongoDB collection whose documents hold an {@code outbox} array of
 * {@link PendingEvent}s. Each feature with such documents declares one as a bean, so the
 * sweep looks there.
 *
 * @param name the collection
 * @param opener turns an event as stored into the event to publish: decrypts one whose
 * data holds personal data and was stored encrypted
 */
public record OutboxCollection(String name, Opener opener) {

	public OutboxCollection(String name) {
		this(name, (documentId, event) -> event);
	}

	PendingEvent open(String documentId, PendingEvent event) {
		return this.opener.open(documentId, event);
	}

	/**
	 * Reads an event as stored in a document's outbox.
	 */
	@FunctionalInterface
	public interface Opener {

		PendingEvent open(String documentId, PendingEvent stored);

	}

}
