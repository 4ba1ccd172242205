package org.plazo.deadlines.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.plazo.deadlines.events.StoreOutage;
import org.plazo.events.Envelope;
import org.plazo.events.EventCodec;
import org.plazo.events.MalformedEventException;
import org.plazo.events.PlazoEvent;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Thin: decodes a poll's records, then hands their events to deadline tracking in one
 * batch. Unknown event types are skipped. A record that fails is named to the error
 * handler by its index ({@link BatchListenerFailedException}): the records before it are
 * committed, it is retried or goes to the dead-letter topic (unreadable ones at once),
 * and the records after it come again with the next poll.
 */
@Component
class CaseEventsListener {

	private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

	private final DeadlineTracking tracking;

	private final EventCodec codec = new EventCodec();

	private final Timer polls;

	private final DistributionSummary pollSizes;

	CaseEventsListener(DeadlineTracking tracking, MeterRegistry registry) {
		this.tracking = tracking;
		this.polls = Timer.builder("plazo.case-events.poll")
			.description("Time to apply one poll of case events")
			.publishPercentileHistogram()
			.register(registry);
		this.pollSizes = DistributionSummary.builder("plazo.case-events.poll.records")
			.description("Records in one poll of case events")
			.register(registry);
	}

	// One consumer thread per partition (3 on every topic here): the listener waits on
	// MongoDB and the broker far more than it computes. Offsets are committed once per
	// poll (the batch factory of org.plazo.deadlines.events).
	@KafkaListener(id = "deadline-service-case-events", topics = Topics.CASE_EVENTS,
			containerFactory = "batchListenerContainerFactory",
			concurrency = "${plazo.tracking.listener-concurrency:3}")
	void on(List<ConsumerRecord<String, CloudEvent>> records) {
		this.pollSizes.record(records.size());
		this.polls.record(() -> onPoll(records));
	}

	private void onPoll(List<ConsumerRecord<String, CloudEvent>> records) {
		List<Envelope<? extends CaseEvent>> events = new ArrayList<>();
		List<Integer> indexes = new ArrayList<>();
		RuntimeException unreadable = null;
		int unreadableAt = -1;
		for (int i = 0; i < records.size(); i++) {
			Optional<Envelope<? extends CaseEvent>> event;
			try {
				event = decode(records.get(i).value());
			}
			catch (RuntimeException ex) {
				// The events before it are applied and committed; those after it come
				// again with the next poll.
				unreadable = ex;
				unreadableAt = i;
				break;
			}
			if (event.isPresent()) {
				events.add(event.get());
				indexes.add(i);
			}
		}
		apply(events, indexes);
		if (unreadable != null) {
			throw new BatchListenerFailedException("Unreadable case event", unreadable, unreadableAt);
		}
	}

	private void apply(List<Envelope<? extends CaseEvent>> events, List<Integer> indexes) {
		if (events.isEmpty()) {
			return;
		}
		try {
			this.tracking.applyAll(events);
			return;
		}
		catch (RuntimeException ex) {
			if (StoreOutage.causedBy(ex)) {
				// Nothing is committed; the whole poll comes again once MongoDB is back.
				throw new BatchListenerFailedException("MongoDB unreachable", ex, indexes.get(0));
			}
			log.warn("A batch of {} case events failed; applying them one by one", events.size(), ex);
		}
		// Something in the batch failed: one by one, to find the event at fault. What the
		// batch wrote is recognised (applied event ids, derived reminder ids).
		for (int j = 0; j < events.size(); j++) {
			try {
				this.tracking.apply(events.get(j));
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException("Case event could not be applied", ex, indexes.get(j));
			}
		}
	}

	@SuppressWarnings("unchecked")
	private Optional<Envelope<? extends CaseEvent>> decode(CloudEvent event) {
		if (event == null) {
			// The deserializer could not read the record (its bytes are in a header).
			throw new MalformedEventException("Record has no CloudEvent");
		}
		return this.codec.fromCloudEvent(event)
			.filter((Envelope<PlazoEvent> envelope) -> envelope.data() instanceof CaseEvent)
			.map((envelope) -> (Envelope<? extends CaseEvent>) (Envelope<?>) envelope);
	}

}
