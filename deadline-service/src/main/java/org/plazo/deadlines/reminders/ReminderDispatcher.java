package org.plazo.deadlines.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.plazo.deadlines.events.EventPublisher;
import org.plazo.deadlines.events.EventPublisher.Outgoing;
import org.plazo.deadlines.events.EventPublisher.PublishFailedException;
import org.plazo.deadlines.reminders.Reminder.Purpose;
import org.plazo.events.deadlines.ReminderDue;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Fires reminders at their instant. A loader reads the next window of due reminders (one
 * query per window), groups them by instant, and gives each instant one Quartz trigger.
 * Each reminder is then claimed by id with a lease, published, and marked fired. MongoDB
 * holds the truth: if this process dies, the leases run out and any dispatcher fires the
 * reminders again; consumers de-duplicate by reminder id.
 */
@Component
public class ReminderDispatcher {

	static final String FIRE_AT = "fireAt";

	private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);

	private static final int PUBLISH_BATCH = 500;

	private final ReminderStore store;

	private final EventPublisher publisher;

	private final ApplicationEventPublisher events;

	private final Scheduler scheduler;

	private final Clock clock;

	private final DispatcherProperties properties;

	/** Reminder ids waiting for their trigger, by instant. */
	private final Map<Instant, Set<String>> groups = new ConcurrentHashMap<>();

	/**
	 * Reminder ids being claimed and published now; the next window must not queue them
	 * again.
	 */
	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	/** Reminders up to this instant are in {@link #groups} or already fired. */
	private final AtomicReference<Instant> loadedUntil = new AtomicReference<>(Instant.MIN);

	/**
	 * The clock's reading at the last load, to notice when tests or demos move it back.
	 */
	private final AtomicReference<Instant> lastLoad = new AtomicReference<>(Instant.MIN);

	private final AtomicLong triggerSequence = new AtomicLong();

	ReminderDispatcher(ReminderStore store, EventPublisher publisher, ApplicationEventPublisher events,
			Scheduler scheduler, Clock clock, DispatcherProperties properties) {
		this.store = store;
		this.publisher = publisher;
		this.events = events;
		this.scheduler = scheduler;
		this.clock = clock;
		this.properties = properties;
	}

	/** Loads the next window of due reminders. Called by Quartz every poll interval. */
	void loadWindow() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.lastLoad.getAndSet(now))) {
			// The clock went back: what was loaded ahead is no longer "within the
			// window".
			this.loadedUntil.set(Instant.MIN);
		}
		Instant horizon = now.plus(this.properties.lookahead());
		List<Reminder> due = this.store.dueBefore(horizon, now);
		for (Reminder reminder : due) {
			enqueue(reminder.id(), reminder.fireAt());
		}
		this.loadedUntil.set(horizon);
		if (!due.isEmpty()) {
			log.debug("Loaded {} due reminders up to {}", due.size(), horizon);
		}
		// A group whose instant has passed while its trigger waits for a later wall time
		// (the clock was moved forward) fires now.
		for (Instant at : List.copyOf(this.groups.keySet())) {
			if (!at.isAfter(now)) {
				fireGroup(at);
			}
		}
	}

	/**
	 * Takes newly stored reminders: those inside the loaded window are scheduled at once,
	 * the others wait for their window.
	 */
	public void accept(Collection<Reminder> reminders) {
		Instant until = this.loadedUntil.get();
		for (Reminder reminder : reminders) {
			if (reminder.fireAt().isBefore(until)) {
				enqueue(reminder.id(), reminder.fireAt());
			}
		}
	}

	private void enqueue(String id, Instant fireAt) {
		if (this.inFlight.contains(id)) {
			return;
		}
		this.groups.compute(fireAt, (instant, ids) -> {
			if (ids == null) {
				ids = ConcurrentHashMap.newKeySet();
				scheduleTrigger(instant);
			}
			ids.add(id);
			return ids;
		});
	}

	private void scheduleTrigger(Instant fireAt) {
		// Quartz counts wall time; our clock may be moved by tests and demos.
		long delay = Math.max(0, Duration.between(this.clock.instant(), fireAt).toMillis());
		JobDataMap data = new JobDataMap();
		data.put(FIRE_AT, fireAt.toEpochMilli());
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity("fire-" + this.triggerSequence.incrementAndGet(), "reminders")
			.forJob(DispatcherConfiguration.FIRE_JOB)
			.usingJobData(data)
			.startAt(new Date(System.currentTimeMillis() + delay))
			.build();
		try {
			this.scheduler.scheduleJob(trigger);
		}
		catch (SchedulerException ex) {
			// The next window loads these reminders again.
			log.warn("Could not schedule reminders due at {}", fireAt, ex);
		}
	}

	/** Fires the reminders due at one instant. Called by Quartz at that instant. */
	void fireGroup(Instant fireAt) {
		Set<String> ids = this.groups.remove(fireAt);
		if (ids != null) {
			this.inFlight.addAll(ids);
			try {
				fire(ids);
			}
			finally {
				this.inFlight.removeAll(ids);
			}
		}
	}

	/** Claims, publishes and marks fired; returns how many were published. */
	int fire(Collection<String> ids) {
		Instant now = this.clock.instant();
		Instant leaseUntil = now.plus(this.properties.lease());
		List<Reminder> batch = new ArrayList<>(PUBLISH_BATCH);
		int published = 0;
		for (String id : ids) {
			Reminder reminder = this.store.claim(id, now, leaseUntil);
			if (reminder == null) {
				continue;
			}
			if (reminder.purpose() == Purpose.EXPIRE) {
				this.events.publishEvent(new DeadlinePassed(reminder.caseId(), reminder.deadlineId()));
				this.store.markFired(reminder.id(), this.clock.instant());
				continue;
			}
			batch.add(reminder);
			if (batch.size() == PUBLISH_BATCH) {
				published += publish(batch);
				batch.clear();
			}
		}
		published += publish(batch);
		return published;
	}

	private int publish(List<Reminder> reminders) {
		if (reminders.isEmpty()) {
			return 0;
		}
		List<Outgoing> events = reminders.stream()
			.map((reminder) -> new Outgoing(reminder.id(), reminder.fireAt(),
					new ReminderDue(reminder.caseId(), reminder.id(), reminder.deadlineId(), reminder.kind(),
							reminder.lastDay(), reminder.dueAt(), reminder.legalBasis(), reminder.fireAt())))
			.toList();
		try {
			this.publisher.publishAll(events);
		}
		catch (PublishFailedException ex) {
			log.warn("Kafka did not take {} reminders; they go back to pending", reminders.size(), ex);
			reminders.forEach((reminder) -> this.store.release(reminder.id()));
			return 0;
		}
		Instant firedAt = this.clock.instant();
		reminders.forEach((reminder) -> this.store.markFired(reminder.id(), firedAt));
		return reminders.size();
	}

}
