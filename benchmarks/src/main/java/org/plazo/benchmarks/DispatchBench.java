package org.plazo.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.plazo.events.EventCatalog;
import org.plazo.events.Topics;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * deadline-service's dispatcher, as shipped (Quartz RAM store for timing, MongoDB for
 * state): a burst of reminders due at one instant among N pending, steady firing at a
 * fixed rate, and recovery after an outage.
 */
final class DispatchBench {

	/**
	 * 09:00 in Panama on a Monday: reminders are planned for fixed local times, so they
	 * come in bursts.
	 */
	static final Instant T0 = Instant.parse("2026-07-06T14:00:00Z");

	private static final String REMINDER_DUE = EventCatalog.REMINDER_DUE.name();

	private final KafkaRig kafka;

	private final MongoStandIn mongo;

	private final Duration lead;

	private final Duration pollInterval;

	/**
	 * @param lead how long before the first due instant the clock is set once the service
	 * runs: more than one poll interval (5 s) plus the time a window query takes
	 */
	DispatchBench(KafkaRig kafka, MongoStandIn mongo, Duration lead, Duration pollInterval) {
		this.kafka = kafka;
		this.mongo = mongo;
		this.lead = lead;
		this.pollInterval = pollInterval;
	}

	KafkaRig kafka() {
		return this.kafka;
	}

	MongoStandIn mongo() {
		return this.mongo;
	}

	/** What one measured run of the dispatcher gave. */
	record Outcome(int expected, int delivered, long duplicates, double seconds, boolean complete, Stats lateness,
			double loadSeconds, long progressed, double elapsed) {

		double perSecond() {
			return this.delivered / Math.max(1e-9, this.seconds);
		}

		/**
		 * Seconds for all: measured; or, when the limit was reached, extrapolated from
		 * how many reminders of the group had been claimed or fired by then (the
		 * dispatcher publishes 500 at a time, so claims show progress before events do);
		 * NaN when none had.
		 */
		double secondsForAll() {
			if (this.complete) {
				return this.seconds;
			}
			long done = Math.max(this.delivered, this.progressed);
			return (done > 0) ? this.elapsed * this.expected / done : Double.NaN;
		}

	}

	/** Background reminders, due long after anything measured. */
	static Reminders.Group background(int count) {
		return new Reminders.Group("bg", count, (i) -> T0.plus(Duration.ofDays(30)).plusSeconds(i % 86_400));
	}

	/**
	 * {@code burst} reminders all due at T0, among {@code pending} others.
	 */
	Outcome burst(int pending, int burst, Duration limit) throws Exception {
		String database = "plazo-deadlines-burst-" + pending;
		double load = Reminders.load(this.mongo.uri(database), database,
				List.of(background(pending), new Reminders.Group("burst" + pending, burst, (i) -> T0)), pending);
		try {
			return fire(database, "burst" + pending, burst, T0, limit, load);
		}
		finally {
			Reminders.drop(this.mongo.uri(database), database);
		}
	}

	/**
	 * {@code perSecond} reminders a second for {@code duration}, among {@code pending}
	 * others.
	 */
	Outcome steady(int pending, int perSecond, Duration duration, Duration drain) throws Exception {
		String database = "plazo-deadlines-steady";
		int count = (int) (perSecond * duration.toSeconds());
		double stepNanos = 1e9 / perSecond;
		double load = Reminders.load(this.mongo.uri(database), database, List.of(background(pending),
				new Reminders.Group("steady", count, (i) -> T0.plusNanos((long) (i * stepNanos)))), 7);
		try {
			return fire(database, "steady", count, T0, duration.plus(drain), load);
		}
		finally {
			Reminders.drop(this.mongo.uri(database), database);
		}
	}

	/**
	 * The service is down for {@code outage}; {@code overdue} reminders fall due
	 * meanwhile, among {@code pending} others. Measured from the restart.
	 */
	Outcome recovery(int pending, int overdue, Duration outage, Duration limit) throws Exception {
		String database = "plazo-deadlines-recovery";
		double stepNanos = outage.toNanos() / (double) overdue;
		double load = Reminders.load(this.mongo.uri(database), database, List.of(background(pending),
				new Reminders.Group("recovery", overdue, (i) -> T0.plusNanos((long) (i * stepNanos)))), 11);
		BenchClock clock = new BenchClock(T0.minusSeconds(120));
		ReminderWatch watch = new ReminderWatch("recovery", REMINDER_DUE);
		try (TopicWatcher watcher = new TopicWatcher(this.kafka, Topics.DEADLINE_EVENTS, clock, watch)) {
			// Before the outage: running, nothing due yet.
			try (ConfigurableApplicationContext before = start(clock, database)) {
				Thread.sleep(this.pollInterval.toMillis());
			}
			// The outage: nothing runs while the clock passes every reminder's time.
			clock.set(T0.plus(outage));
			Instant restart = clock.instant();
			try (ConfigurableApplicationContext after = start(clock, database)) {
				awaitDelivered(watch, overdue, restart.plus(limit), clock);
				// Later windows must not fire anything again.
				Thread.sleep(this.pollInterval.toMillis() * 6 / 5);
				Outcome outcome = outcome(watch, overdue, restart, load, database, clock);
				Reminders.drop(this.mongo.uri(database), database);
				return outcome;
			}
		}
		finally {
			Reminders.drop(this.mongo.uri(database), database);
		}
	}

	private Outcome fire(String database, String prefix, int expected, Instant firstDue, Duration limit, double load)
			throws Exception {
		BenchClock clock = new BenchClock(firstDue.minus(Duration.ofMinutes(5)));
		ReminderWatch watch = new ReminderWatch(prefix, REMINDER_DUE);
		try (TopicWatcher watcher = new TopicWatcher(this.kafka, Topics.DEADLINE_EVENTS, clock, watch);
				ConfigurableApplicationContext context = start(clock, database)) {
			// Started with nothing in the window; now let the dispatcher's windows reach
			// the first due time.
			Thread.sleep(1000);
			clock.set(firstDue.minus(this.lead));
			awaitDelivered(watch, expected, firstDue.plus(limit), clock);
			Outcome outcome = outcome(watch, expected, firstDue, load, database, clock);
			// Whatever is left to fire finds nothing to claim, so the context closes at
			// once.
			Reminders.drop(this.mongo.uri(database), database);
			return outcome;
		}
	}

	private Outcome outcome(ReminderWatch watch, int expected, Instant from, double load, String database,
			BenchClock clock) {
		Instant last = (watch.lastArrival.get() != null) ? watch.lastArrival.get() : from;
		double seconds = Math.max(0, Duration.between(from, last).toNanos() / 1e9);
		List<Double> lateness = new ArrayList<>(watch.latenessMs);
		boolean complete = watch.distinct() >= expected;
		long progressed = watch.distinct();
		if (!complete) {
			// Only the measured group's reminders leave PENDING.
			try (MongoClient client = MongoClients.create(this.mongo.uri(database))) {
				progressed = client.getDatabase(database)
					.getCollection("reminders")
					.countDocuments(Filters.ne("status", "PENDING"));
			}
		}
		return new Outcome(expected, watch.distinct(), watch.duplicates(), seconds, complete, Stats.of(lateness), load,
				progressed, Duration.between(from, clock.instant()).toNanos() / 1e9);
	}

	private static void awaitDelivered(ReminderWatch watch, int expected, Instant until, BenchClock clock)
			throws InterruptedException {
		while (watch.distinct() < expected && clock.instant().isBefore(until)) {
			Thread.sleep(50);
		}
	}

	private ConfigurableApplicationContext start(BenchClock clock, String database) {
		List<String> args = new ArrayList<>(Services.deadlineServiceArgs(this.kafka, this.mongo.uri(database)));
		// An unfinished burst must not hold up the next phase.
		args.add("--spring.quartz.wait-for-jobs-to-complete-on-shutdown=false");
		args.add("--plazo.dispatcher.poll-interval=" + this.pollInterval);
		return Services.start(Services.DEADLINE_SERVICE, clock, args);
	}

	static Map<String, Object> describe(Outcome outcome) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("delivered", outcome.delivered());
		map.put("expected", outcome.expected());
		map.put("seconds", Results.round(outcome.seconds()));
		map.put("complete", outcome.complete());
		map.put("per_s", Results.round(outcome.perSecond()));
		map.put("claimed_or_fired", outcome.progressed());
		map.put("elapsed_s", Results.round(outcome.elapsed()));
		return map;
	}

}
