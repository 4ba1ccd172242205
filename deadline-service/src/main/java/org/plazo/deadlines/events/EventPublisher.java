package org.plazo.deadlines.events;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes events as CloudEvents keyed by case id and waits for the broker to
 * acknowledge them, so callers only forget an event once it is on Kafka.
 */
@Component
public class EventPublisher {

	public static final URI SOURCE = URI.create("urn:plazo:deadline-service");

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaTemplate<String, CloudEvent> kafka;

	private final EventCodec codec = new EventCodec();

	EventPublisher(KafkaTemplate<String, CloudEvent> kafka) {
		this.kafka = kafka;
	}

	/**
	 * Sends events in order and waits for all acknowledgements.
	 * @param events the events with their ids and times
	 * @throws PublishFailedException when the broker did not acknowledge all of them
	 */
	public void publishAll(List<Outgoing> events) {
		List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
		for (Outgoing outgoing : events) {
			CloudEvent cloudEvent = this.codec.toCloudEvent(outgoing.event(), SOURCE, outgoing.id(),
					OffsetDateTime.ofInstant(outgoing.time(), ZoneOffset.UTC));
			String topic = EventCatalog.of(outgoing.event()).topic();
			acks.add(this.kafka.send(new ProducerRecord<>(topic, outgoing.event().caseId(), cloudEvent)));
		}
		try {
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
				.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishFailedException("Interrupted while publishing", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PublishFailedException("Kafka did not acknowledge " + events.size() + " events", ex);
		}
	}

	/**
	 * An event ready to go, with the CloudEvents id fixed when it was recorded.
	 *
	 * @param id the CloudEvents id
	 * @param time when it happened
	 * @param event the event
	 */
	public record Outgoing(String id, java.time.Instant time, PlazoEvent event) {

	}

	/** The broker did not acknowledge; the caller keeps the events and tries later. */
	public static class PublishFailedException extends RuntimeException {

		PublishFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
