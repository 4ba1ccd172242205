package org.plazo.deadlines.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.plazo.deadlines.events.EventPublisher;
import org.plazo.deadlines.events.EventPublisher.Outgoing;
import org.plazo.deadlines.events.EventPublisher.PublishFailedException;
import org.plazo.deadlines.reminders.Reminder.Purpose;
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

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Fires reminders at their instant. Reminders are listed in buckets, one document per
 * minute and slot; dispatchers divide the {@value Reminder#SLOTS} slots between them
 * ({@link DispatcherSlots}). Every poll interval the dispatcher reads the buckets of its
 * slots up to the window's horizon, by {@code _id} (only entries it has not read yet),
 * keeps the reminders still to fire, groups them by instant and gives each instant one
 * Quartz trigger. When a trigger fires, everything due by then is read, published (one
 * wait for the acknowledgements) and marked fired {@value #CHUNK} at a time by
 * {@code _id}. No step scans the reminders but the sweep, which finds anything no bucket
 * listed: at start-up, when a slot is taken over, after the clock jumps more than a day,
 * and every {@code sweep-interval}. MongoDB holds the truth: if this process dies, its
 * slots pass to another dispatcher once their lease runs out (or at once, to itself, when
 * it restarts under the same name), which sweeps them; consumers de-duplicate by reminder
 * id.
 */
@Component
public class ReminderDispatcher implements DisposableBean {

	static final String FIRE_AT = "fireAt";

	private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);

	/** Reminders read, published and marked fired together, by {@code _id}. */
	static final int CHUNK = 500;

	/**
	 * The widest gap between windows filled bucket by bucket; wider, the sweep fills it.
	 */
	static final Duration WIDEST_GAP = Duration.ofDays(1);

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final ReminderStore store;

	private final DispatcherSlots slots;

	private final EventPublisher publisher;

	private final ApplicationEventPublisher events;

	private final Scheduler scheduler;

	private final Clock clock;

	private final DispatcherProperties properties;

	/** Reminder ids waiting for their trigger, by instant. */
	private final Map<Instant, Set<String>> groups = new ConcurrentHashMap<>();

	/**
	 * Reminder ids being published now; the next window must not queue them again.
	 */
	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	/** Reminders Kafka did not take, queued again by the next window. */
	private final Map<String, Instant> retry = new ConcurrentHashMap<>();

	/** How many entries of each recent bucket have been read. */
	private final Map<ReminderBucket, Integer> read = new ConcurrentHashMap<>();

	/** Reminders up to this instant are in {@link #groups} or already fired. */
	private final AtomicReference<Instant> loadedUntil = new AtomicReference<>(Instant.MIN);

	/**
	 * The clock's reading at the last load, to notice when tests or demos move it back.
	 */
	private final AtomicReference<Instant> lastLoad = new AtomicReference<>(Instant.MIN);

	/** Wall time of the last full sweep. */
	private volatile long lastSweepNanos;

	private final AtomicLong triggerSequence = new AtomicLong();

	/** One firing round at a time in this dispatcher. */
	private final ReentrantLock firing = new ReentrantLock();

	/** One window at a time. */
	private final ReentrantLock loading = new ReentrantLock();

	private final ReminderMetrics metrics;

	ReminderDispatcher(ReminderStore store, DispatcherSlots slots, EventPublisher publisher,
			ApplicationEventPublisher events, Scheduler scheduler, Clock clock, DispatcherProperties properties,
			ReminderMetrics metrics) {
		this.store = store;
		this.slots = slots;
		this.publisher = publisher;
		this.events = events;
		this.scheduler = scheduler;
		this.clock = clock;
		this.properties = properties;
		this.metrics = metrics;
		this.lastSweepNanos = System.nanoTime();
	}

	/** Loads the next window of due reminders. Called by Quartz every poll interval. */
	void loadWindow() {
		this.loading.lock();
		try {
			load();
		}
		finally {
			this.loading.unlock();
		}
	}

	private void load() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.lastLoad.getAndSet(now))) {
			// The clock went back: what was loaded ahead is no longer "within the
			// window".
			this.loadedUntil.set(Instant.MIN);
			this.read.clear();
		}
		this.slots.refresh();
		Set<Integer> held = this.slots.held();
		if (held.isEmpty()) {
			return;
		}
		Instant horizon = now.plus(this.properties.lookahead()).truncatedTo(ChronoUnit.MINUTES).plus(MINUTE);
		Instant recent = now.minus(this.properties.rescan()).truncatedTo(ChronoUnit.MINUTES);
		Instant previous = this.loadedUntil.get();
		Set<Integer> toSweep = this.slots.takeGained();
		Instant from = recent;
		if (previous.isBefore(recent)) {
			// A gap since the last window: the clock jumped, or this is the first.
			if (previous.equals(Instant.MIN) || Duration.between(previous, recent).compareTo(WIDEST_GAP) > 0) {
				toSweep = held;
			}
			else {
				from = previous;
			}
		}
		if (System.nanoTime() - this.lastSweepNanos >= this.properties.sweepInterval().toNanos()) {
			toSweep = held;
		}
		this.retry.forEach((id, fireAt) -> {
			this.retry.remove(id);
			enqueue(id, fireAt);
		});
		if (!toSweep.isEmpty()) {
			sweep(toSweep, horizon, recent);
		}
		readBuckets(held, from, horizon);
		this.loadedUntil.set(horizon);
		this.read.keySet().removeIf((bucket) -> bucket.minute().isBefore(recent));
		// Groups whose instant has passed while their triggers wait for a later wall time
		// (the clock was moved forward) fire now.
		if (hasDue(now)) {
			fireGroup(now);
		}
	}

	/** Reads what the buckets of these slots list that has not been read yet. */
	private void readBuckets(Set<Integer> held, Instant from, Instant horizon) {
		List<ReminderBucket> buckets = new ArrayList<>();
		for (Instant minute = from; minute.isBefore(horizon); minute = minute.plus(MINUTE)) {
			for (int slot : held) {
				buckets.add(new ReminderBucket(minute, slot));
			}
		}
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < buckets.size(); i += ReminderStore.READ_CHUNK) {
			this.store.sizes(buckets.subList(i, Math.min(buckets.size(), i + ReminderStore.READ_CHUNK)))
				.forEach((bucket, size) -> {
					int seen = this.read.getOrDefault(bucket, 0);
					if (size < seen) {
						// Dropped and listed again since.
						seen = 0;
					}
					if (size > seen) {
						ids.addAll(this.store.entries(bucket, seen, size - seen));
						this.read.put(bucket, size);
					}
				});
		}
		for (Reminder reminder : this.store.toFire(ids)) {
			if (this.slots.holds(reminder.slot())) {
				enqueue(reminder.id(), reminder.fireAt());
			}
		}
		if (!ids.isEmpty()) {
			log.debug("Read {} bucket entries up to {}", ids.size(), horizon);
		}
	}

	/**
	 * Queries by status and time for every reminder of these slots due before the
	 * horizon, whether a bucket lists it or not; then drops their buckets older than
	 * {@code recent}, which listed nothing the sweep did not find.
	 */
	private void sweep(Set<Integer> slotsToSweep, Instant horizon, Instant recent) {
		int found = 0;
		for (Reminder reminder : this.store.dueBefore(horizon)) {
			if (slotsToSweep.contains(reminder.slot()) && this.slots.holds(reminder.slot())) {
				enqueue(reminder.id(), reminder.fireAt());
				found++;
			}
		}
		this.store.dropBuckets(slotsToSweep, recent);
		if (slotsToSweep.size() == Reminder.SLOTS) {
			this.lastSweepNanos = System.nanoTime();
		}
		log.info("Swept slots {}: {} reminders due before {}", slotsToSweep, found, horizon);
	}

	/**
	 * Takes newly stored reminders: those of this dispatcher's slots inside the loaded
	 * window are scheduled at once, the others wait for their window or their dispatcher.
	 */
	public void accept(Collection<Reminder> reminders) {
		Instant until = this.loadedUntil.get();
		for (Reminder reminder : reminders) {
			if (reminder.fireAt().isBefore(until) && this.slots.holds(reminder.slot())) {
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
			// The next sweep loads these reminders again.
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
			Map<String, Instant> due = new LinkedHashMap<>();
			for (Instant instant : List.copyOf(this.groups.keySet())) {
				if (!instant.isAfter(upTo)) {
					Set<String> group = this.groups.remove(instant);
					if (group != null) {
						group.forEach((id) -> due.put(id, instant));
					}
				}
			}
			if (due.isEmpty()) {
				return;
			}
			this.inFlight.addAll(due.keySet());
			try {
				fire(due);
			}
			finally {
				this.inFlight.removeAll(due.keySet());
			}
		}
	}

	/**
	 * One firing round: reads the due reminders {@value #CHUNK} at a time by {@code _id},
	 * keeps those still to fire in slots this dispatcher holds, publishes them and marks
	 * them fired.
	 * @param due reminder ids and their instants
	 * @return how many were published
	 */
	int fire(Map<String, Instant> due) {
		List<String> all = List.copyOf(due.keySet());
		int published = 0;
		for (int from = 0; from < all.size(); from += CHUNK) {
			this.slots.renewIfDue();
			List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			List<Reminder> ours = this.store.byIds(chunk)
				.stream()
				.filter((r) -> r.toFire() && this.slots.holds(r.slot()))
				.toList();
			int sent = fireChunk(ours);
			if (sent < 0) {
				// Kafka is not taking events: this round's rest waits for the next
				// window.
				all.subList(from, all.size()).forEach((id) -> this.retry.put(id, due.get(id)));
				return published;
			}
			published += sent;
		}
		return published;
	}

	/**
	 * @return how many were published, or -1 if Kafka did not take them
	 */
	private int fireChunk(List<Reminder> reminders) {
		List<Reminder> fired = new ArrayList<>(reminders.size());
		List<Outgoing> events = new ArrayList<>(reminders.size());
		for (Reminder reminder : reminders) {
			if (reminder.purpose() == Purpose.EXPIRE) {
				try {
					this.events.publishEvent(new DeadlinePassed(reminder.caseId(), reminder.deadlineId()));
					fired.add(reminder);
				}
				catch (RuntimeException ex) {
					// Stays pending: checked again at the next window.
					this.retry.put(reminder.id(), reminder.fireAt());
					log.warn("A deadline's expiry check failed; it is retried at the next window", ex);
				}
				continue;
			}
			events.add(new Outgoing(reminder.id(), reminder.fireAt(),
					new ReminderDue(reminder.caseId(), reminder.id(), reminder.deadlineId(), reminder.kind(),
							reminder.lastDay(), reminder.dueAt(), reminder.legalBasis(), reminder.fireAt())));
			fired.add(reminder);
		}
		boolean failed = false;
		if (!events.isEmpty()) {
			try {
				this.publisher.publishAll(events);
			}
			catch (PublishFailedException ex) {
				log.warn("Kafka did not take {} reminders; they stay pending for the next window", events.size(), ex);
				fired.removeIf((reminder) -> reminder.purpose() != Purpose.EXPIRE);
				failed = true;
			}
		}
		Instant firedAt = this.clock.instant();
		this.store.markFired(fired.stream().map(Reminder::id).toList(), firedAt);
		this.metrics.fired(fired, firedAt);
		return failed ? -1 : events.size();
	}

	/** Gives this dispatcher's slots back, so that another takes over at once. */
	@Override
	public void destroy() {
		this.slots.leave();
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
