package org.plazo.deadlines.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which of the {@value Reminder#SLOTS} slots this dispatcher fires. Each live dispatcher
 * says so in {@code dispatchers} (a heartbeat with a lease); the live ones, sorted by
 * name, divide the slots round-robin, and each takes its share in
 * {@code dispatcher_slots} only once the previous holder's lease has run out or it gave
 * the slot back. Both collections hold a few dozen documents, so their conditional
 * updates stay cheap even where they scan.
 *
 * <p>
 * A dispatcher keeps its name across restarts (like Kafka's static membership), so one
 * that is killed and started again takes its slots back at once instead of waiting for
 * its own lease.
 */
class DispatcherSlots {

	static final String SLOTS = "dispatcher_slots";

	static final String MEMBERS = "dispatchers";

	private static final Logger log = LoggerFactory.getLogger(DispatcherSlots.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final String instance;

	private final Duration lease;

	private volatile Set<Integer> held = Set.of();

	private volatile Instant heldUntil = Instant.MIN;

	private volatile Instant refreshed = Instant.MIN;

	/** Slots taken since the dispatcher last asked: their past must be swept. */
	private final Set<Integer> gained = ConcurrentHashMap.newKeySet();

	DispatcherSlots(MongoTemplate mongo, Clock clock, String instance, Duration lease) {
		this.mongo = mongo;
		this.clock = clock;
		this.instance = instance;
		this.lease = lease;
	}

	String instance() {
		return this.instance;
	}

	/**
	 * Says this dispatcher is alive, gives back the slots outside its share and takes or
	 * renews those inside it.
	 */
	synchronized void refresh() {
		Instant now = this.clock.instant();
		Instant until = now.plus(this.lease);
		this.mongo.upsert(byId(this.instance), new Update().set("until", until), MEMBERS);
		List<String> live = this.mongo.find(new Query(Criteria.where("until").gt(now)), Document.class, MEMBERS)
			.stream()
			.map((member) -> member.getString("_id"))
			.sorted(Comparator.naturalOrder())
			.toList();
		int index = Math.max(0, live.indexOf(this.instance));
		int members = Math.max(1, live.size());
		Set<Integer> share = IntStream.range(0, Reminder.SLOTS)
			.filter((slot) -> slot % members == index)
			.boxed()
			.collect(Collectors.toSet());
		for (int slot : this.held) {
			if (!share.contains(slot)) {
				giveBack(slot);
			}
		}
		Set<Integer> nowHeld = new TreeSet<>();
		for (int slot : share) {
			if (take(slot, now, until)) {
				nowHeld.add(slot);
				if (!this.held.contains(slot)) {
					this.gained.add(slot);
				}
			}
		}
		if (!nowHeld.equals(this.held)) {
			log.info("Dispatcher {} fires slots {} of {} ({} live)", this.instance, nowHeld, Reminder.SLOTS, members);
		}
		this.held = Set.copyOf(nowHeld);
		this.heldUntil = until;
		this.refreshed = now;
	}

	/** Renews the leases once half of them has passed; cheap to call often. */
	void renewIfDue() {
		Instant now = this.clock.instant();
		if (Duration.between(this.refreshed, now).compareTo(this.lease.dividedBy(2)) >= 0) {
			refresh();
		}
	}

	/** Whether this dispatcher holds the slot now, with a lease that has not run out. */
	boolean holds(int slot) {
		return this.held.contains(slot) && this.clock.instant().isBefore(this.heldUntil);
	}

	Set<Integer> held() {
		return this.clock.instant().isBefore(this.heldUntil) ? this.held : Set.of();
	}

	/** The slots taken since the last call. */
	Set<Integer> takeGained() {
		Set<Integer> taken = new TreeSet<>(this.gained);
		this.gained.removeAll(taken);
		return taken;
	}

	/**
	 * Gives every slot back and leaves, so that another dispatcher takes over at once.
	 */
	synchronized void leave() {
		for (int slot : this.held) {
			giveBack(slot);
		}
		this.held = Set.of();
		this.heldUntil = Instant.MIN;
		this.mongo.remove(byId(this.instance), MEMBERS);
	}

	private boolean take(int slot, Instant now, Instant until) {
		Query free = new Query(Criteria.where("_id")
			.is(slot)
			.orOperator(Criteria.where("owner").is(this.instance), Criteria.where("until").lte(now)));
		try {
			this.mongo.upsert(free, new Update().set("owner", this.instance).set("until", until), SLOTS);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Another dispatcher holds it with a live lease.
			return false;
		}
	}

	private void giveBack(int slot) {
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(slot).and("owner").is(this.instance)),
				new Update().unset("owner").set("until", Instant.EPOCH), SLOTS);
	}

	private static Query byId(Object id) {
		return new Query(Criteria.where("_id").is(id));
	}

}
