package org.plazo.deadlines.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.plazo.deadlines.events.EventPublisher;
import org.plazo.deadlines.events.EventPublisher.Outgoing;
import org.plazo.deadlines.events.EventPublisher.PublishFailedException;
import org.plazo.deadlines.reminders.Reminder.Purpose;
import org.plazo.deadlines.reminders.Reminder.Status;
import org.plazo.events.deadlines.ReminderDue;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
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
 * When a trigger fires, one conditional update claims everything due by then with a token
 * and a lease; the claimed reminders are then read, published (one wait for the
 * acknowledgements) and marked fired {@value #CHUNK} at a time by {@code _id}. MongoDB
 * holds the truth: if this process dies, the leases run out and the next window of any
 * dispatcher claims the reminders again; consumers de-duplicate by reminder id.
 */
@Component
public class ReminderDispatcher {

	static final String FIRE_AT = "fireAt";

	private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);

	/** Reminders read, published and marked fired together, by {@code _id}. */
	static final int CHUNK = 500;

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

	/** One firing round at a time in this dispatcher. */
	private final ReentrantLock firing = new ReentrantLock();

	private final ReminderMetrics metrics;

	ReminderDispatcher(ReminderStore store, EventPublisher publisher, ApplicationEventPublisher events,
			Scheduler scheduler, Clock clock, DispatcherProperties properties, ReminderMetrics metrics) {
		this.store = store;
		this.publisher = publisher;
		this.events = events;
		this.scheduler = scheduler;
		this.clock = clock;
		this.properties = properties;
		this.metrics = metrics;
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
		// Groups whose instant has passed while their triggers wait for a later wall time
		// (the clock was moved forward), and expired leases, fire now.
		if (hasDue(now)) {
			fireGroup(now);
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
		String name = "fire-" + this.triggerSequence.incrementAndGet();
		// A job of its own per trigger: Quartz's RAM store copies every trigger of a job
		// each time one completes, which with one shared job grew with the triggers
		// queued (quadratic over a window of 30,000 instants).
		JobDetail job = JobBuilder.newJob(DispatcherConfiguration.FireRemindersJob.class)
			.withIdentity(name, "reminders")
			.usingJobData(data)
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(name, "reminders")
			.startAt(new Date(System.currentTimeMillis() + delay))
			.build();
		try {
			this.scheduler.scheduleJob(job, trigger);
		}
		catch (SchedulerException ex) {
			// The next window loads these reminders again.
			log.warn("Could not schedule reminders due at {}", fireAt, ex);
		}
	}

	/**
	 * Fires what is due at {@code fireAt}, and everything else due by then. Called by
	 * Quartz at that instant. One round at a time: a round already running takes this
	 * group too, so triggers that find the lock taken return at once.
	 */
	void fireGroup(Instant fireAt) {
		do {
			if (!this.firing.tryLock()) {
				return;
			}
			try {
				drain(fireAt);
			}
			finally {
				this.firing.unlock();
			}
		}
		// A group queued while the lock was being released.
		while (hasDue(fireAt));
	}

	private boolean hasDue(Instant at) {
		Instant upTo = latest(at, this.clock.instant());
		return this.groups.keySet().stream().anyMatch((instant) -> !instant.isAfter(upTo));
	}

	private void drain(Instant at) {
		for (;;) {
			Instant upTo = latest(at, this.clock.instant());
			Set<String> ids = new LinkedHashSet<>();
			for (Instant instant : List.copyOf(this.groups.keySet())) {
				if (!instant.isAfter(upTo)) {
					Set<String> group = this.groups.remove(instant);
					if (group != null) {
						ids.addAll(group);
					}
				}
			}
			if (ids.isEmpty()) {
				return;
			}
			this.inFlight.addAll(ids);
			try {
				fire(ids, upTo);
			}
			finally {
				this.inFlight.removeAll(ids);
			}
		}
	}

	/**
	 * One firing round: claims everything due by {@code upTo} (and every expired lease)
	 * with one conditional update and a token of its own, then works through the claimed
	 * reminders {@value #CHUNK} at a time by {@code _id}.
	 * @param ids the reminders the windows loaded for this round
	 * @return how many were published
	 */
	int fire(Collection<String> ids, Instant upTo) {
		Instant now = this.clock.instant();
		Lease lease = new Lease(UUID.randomUUID().toString(), now);
		long claimed = this.store.claimDue(upTo, now, lease.token, now.plus(this.properties.lease()));
		if (claimed == 0) {
			return 0;
		}
		Round round = work(ids, lease);
		if (!round.failed && round.ours < claimed) {
			// The claim caught reminders the windows had not loaded: stored since, or
			// left by a dispatcher that died.
			round.add(work(this.store.claimedBy(lease.token), lease));
		}
		return round.published;
	}

	private Round work(Collection<String> ids, Lease lease) {
		Round round = new Round();
		List<String> all = List.copyOf(ids);
		for (int from = 0; from < all.size() && !round.failed; from += CHUNK) {
			renewIfDue(lease);
			List<Reminder> ours = this.store.byIds(all.subList(from, Math.min(all.size(), from + CHUNK)))
				.stream()
				.filter((r) -> r.status() == Status.CLAIMED && lease.token.equals(r.claimToken()))
				.toList();
			round.ours += ours.size();
			fireChunk(ours, round);
		}
		return round;
	}

	private void renewIfDue(Lease lease) {
		Instant now = this.clock.instant();
		// Renewing scans on the stand-in, so only once per half lease.
		if (Duration.between(lease.renewed, now).compareTo(this.properties.lease().dividedBy(2)) >= 0) {
			this.store.renew(lease.token, now.plus(this.properties.lease()));
			lease.renewed = now;
		}
	}

	private void fireChunk(List<Reminder> reminders, Round round) {
		List<Reminder> fired = new ArrayList<>(reminders.size());
		List<Outgoing> events = new ArrayList<>(reminders.size());
		for (Reminder reminder : reminders) {
			if (reminder.purpose() == Purpose.EXPIRE) {
				try {
					this.events.publishEvent(new DeadlinePassed(reminder.caseId(), reminder.deadlineId()));
					fired.add(reminder);
				}
				catch (RuntimeException ex) {
					// Stays claimed: fired again when its lease runs out.
					log.warn("A deadline's expiry check failed; it is retried when its lease runs out", ex);
				}
				continue;
			}
			events.add(new Outgoing(reminder.id(), reminder.fireAt(),
					new ReminderDue(reminder.caseId(), reminder.id(), reminder.deadlineId(), reminder.kind(),
							reminder.lastDay(), reminder.dueAt(), reminder.legalBasis(), reminder.fireAt())));
			fired.add(reminder);
		}
		if (!events.isEmpty()) {
			try {
				this.publisher.publishAll(events);
			}
			catch (PublishFailedException ex) {
				log.warn("Kafka did not take {} reminders; they go back to pending", events.size(), ex);
				this.store.release(events.stream().map(Outgoing::id).toList());
				fired.removeIf((reminder) -> reminder.purpose() != Purpose.EXPIRE);
				round.failed = true;
			}
		}
		Instant firedAt = this.clock.instant();
		this.store.markFired(fired.stream().map(Reminder::id).toList(), firedAt);
		this.metrics.fired(fired, firedAt);
		round.published += round.failed ? 0 : events.size();
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** A firing round's claim token, and when its lease was last set. */
	private static final class Lease {

		private final String token;

		private Instant renewed;

		Lease(String token, Instant claimed) {
			this.token = token;
			this.renewed = claimed;
		}

	}

	/** What a round did so far. */
	private static final class Round {

		private int ours;

		private int published;

		private boolean failed;

		void add(Round other) {
			this.ours += other.ours;
			this.published += other.published;
			this.failed |= other.failed;
		}

	}

}
