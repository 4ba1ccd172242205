package org.plazo.deadlines.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.events.EventPublisher;
import org.plazo.deadlines.events.EventPublisher.Outgoing;
import org.plazo.deadlines.events.EventPublisher.PublishFailedException;
import org.plazo.deadlines.reminders.Reminder.Purpose;
import org.plazo.deadlines.reminders.Reminder.Status;
import org.plazo.deadlines.support.EmbeddedMongo;
import org.plazo.deadlines.support.MovableClock;
import org.quartz.Scheduler;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

/**
 * The dispatcher on the MongoDB stand-in: groups fired once in chunks, buckets read by
 * {@code _id}, the sweep for what no bucket lists, and slots divided between dispatchers,
 * with leases that outlive a dead one. Quartz is not running: the tests call the windows
 * and triggers themselves and move the clock.
 */
class ReminderDispatcherTests {

	static final Instant T0 = Instant.parse("2026-07-06T14:00:00Z");

	static final DispatcherProperties PROPERTIES = new DispatcherProperties(Duration.ofSeconds(5),
			Duration.ofMinutes(1), Duration.ofSeconds(60), null, null, null);

	private final MovableClock clock = new MovableClock(T0.minusSeconds(30));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final List<String> published = new ArrayList<>();

	private final List<DeadlinePassed> passed = new ArrayList<>();

	private MongoClient client;

	private MongoTemplate mongo;

	private ReminderStore store;

	@BeforeEach
	void connect() {
		this.client = MongoClients.create(EmbeddedMongo.uri("reminder-dispatcher-tests"));
		this.mongo = new MongoTemplate(this.client, "reminder-dispatcher-tests");
		this.mongo.getDb().drop();
		this.store = new ReminderStore(this.mongo, this.clock);
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void firesAGroupOnceInChunksAndCountsIt() {
		this.store.upsertAll(reminders(1_200, T0));
		ReminderDispatcher dispatcher = dispatcher("a");
		dispatcher.loadWindow();

		this.clock.set(T0.plusMillis(250));
		dispatcher.fireGroup(T0);

		assertThat(this.published).hasSize(1_200).doesNotHaveDuplicates();
		assertThat(statuses(Status.FIRED)).isEqualTo(1_200);
		assertThat(this.registry.get(ReminderMetrics.FIRED).tag("kind", "FILING_WINDOW").counter().count())
			.isEqualTo(1_200);
		assertThat(this.registry.get(ReminderMetrics.LATENESS).timer().count()).isEqualTo(1_200);
		assertThat(this.registry.get(ReminderMetrics.LATENESS).timer().max(java.util.concurrent.TimeUnit.MILLISECONDS))
			.isEqualTo(250);
		// Later windows and triggers find nothing to fire again.
		this.clock.advance(Duration.ofSeconds(5));
		dispatcher.loadWindow();
		dispatcher.fireGroup(T0);
		assertThat(this.published).hasSize(1_200);
	}

	@Test
	void firesEverythingDueByItsInstantInOneRound() {
		this.store.upsertAll(IntStream.range(0, 100).mapToObj((i) -> reminder(i, T0.plusMillis(2L * i))).toList());
		ReminderDispatcher dispatcher = dispatcher("a");
		dispatcher.loadWindow();

		this.clock.set(T0.plusMillis(99));
		dispatcher.fireGroup(T0);

		// Due by 99 ms: 0, 2, ... 98 ms.
		assertThat(this.published).hasSize(50);
		this.clock.set(T0.plusSeconds(1));
		dispatcher.fireGroup(T0.plusMillis(100));
		assertThat(this.published).hasSize(100).doesNotHaveDuplicates();
	}

	@Test
	void aDeadDispatchersSlotsPassToAnotherOnceItsLeaseRunsOut() {
		this.store.upsertAll(reminders(700, T0));
		// A dispatcher took every slot and loaded its window, then died.
		ReminderDispatcher dead = dispatcher("a");
		dead.loadWindow();
		ReminderDispatcher survivor = dispatcher("b");

		this.clock.set(T0.plusSeconds(20));
		survivor.loadWindow();
		survivor.fireGroup(T0);
		assertThat(this.published).isEmpty();

		// The first window after the lease ran out takes the slots, sweeps and fires.
		this.clock.set(T0.minusSeconds(30).plus(PROPERTIES.lease()).plus(PROPERTIES.pollInterval()));
		survivor.loadWindow();
		assertThat(this.published).hasSize(700).doesNotHaveDuplicates();
		assertThat(statuses(Status.FIRED)).isEqualTo(700);

		this.clock.advance(PROPERTIES.lease().multipliedBy(2));
		survivor.loadWindow();
		assertThat(this.published).hasSize(700);
	}

	@Test
	void aDispatcherRestartedUnderItsNameTakesItsSlotsBackAtOnce() {
		this.store.upsertAll(reminders(700, T0));
		dispatcher("a").loadWindow();
		// Killed, and started again a few seconds later: its lease has not run out.
		ReminderDispatcher restarted = dispatcher("a");

		this.clock.set(T0.plusSeconds(1));
		restarted.loadWindow();

		assertThat(this.published).hasSize(700).doesNotHaveDuplicates();
	}

	@Test
	void twoDispatchersDivideTheSlotsAndFireEachReminderOnce() {
		this.store.upsertAll(reminders(1_000, T0));
		List<String> byA = new ArrayList<>();
		List<String> byB = new ArrayList<>();
		ReminderDispatcher a = dispatcher("a", byA);
		ReminderDispatcher b = dispatcher("b", byB);
		// b joins while a holds everything; a gives half back at its next window.
		a.loadWindow();
		b.loadWindow();
		this.clock.advance(PROPERTIES.pollInterval());
		a.loadWindow();
		b.loadWindow();
		assertThat(owners()).containsOnlyKeys(IntStream.range(0, Reminder.SLOTS).boxed().toArray(Integer[]::new));
		assertThat(owners().values()).filteredOn("a"::equals).hasSize(8);
		assertThat(owners().values()).filteredOn("b"::equals).hasSize(8);

		this.clock.set(T0);
		a.fireGroup(T0);
		b.fireGroup(T0);

		assertThat(byA).isNotEmpty();
		assertThat(byB).isNotEmpty();
		List<String> all = new ArrayList<>(byA);
		all.addAll(byB);
		assertThat(all).hasSize(1_000).doesNotHaveDuplicates();
		Set<Integer> slotsOfA = new HashSet<>();
		this.store.byIds(byA).forEach((r) -> slotsOfA.add(r.slot()));
		this.store.byIds(byB).forEach((r) -> assertThat(slotsOfA).doesNotContain(r.slot()));
	}

	@Test
	void remindersAnotherInstanceListsAfterTheWindowLoadedFireAtTheNextWindow() {
		this.store.upsertAll(reminders(10, T0));
		ReminderDispatcher dispatcher = dispatcher("a");
		dispatcher.loadWindow();
		// Stored by another instance (so never handed to this dispatcher) after this
		// one's
		// window loaded.
		this.store.upsertAll(IntStream.range(10, 20).mapToObj((i) -> reminder(i, T0)).toList());

		this.clock.set(T0);
		dispatcher.fireGroup(T0);
		assertThat(this.published).hasSize(10);

		this.clock.advance(PROPERTIES.pollInterval());
		dispatcher.loadWindow();
		assertThat(this.published).hasSize(20).doesNotHaveDuplicates();
	}

	@Test
	void remindersKafkaDidNotTakeStayPendingAndFireAtTheNextWindow() {
		this.store.upsertAll(reminders(600, T0));
		EventPublisher failing = mock(EventPublisher.class);
		doThrow(PublishFailedException.class).when(failing).publishAll(anyList());
		ReminderDispatcher dispatcher = dispatcher("a", failing);
		dispatcher.loadWindow();

		this.clock.set(T0);
		dispatcher.fireGroup(T0);
		assertThat(statuses(Status.PENDING)).isEqualTo(600);

		doAnswer((invocation) -> record(invocation.getArgument(0), this.published)).when(failing).publishAll(anyList());
		this.clock.advance(PROPERTIES.pollInterval());
		dispatcher.loadWindow();
		assertThat(this.published).hasSize(600).doesNotHaveDuplicates();
		assertThat(statuses(Status.FIRED)).isEqualTo(600);
	}

	@Test
	void theSlotsAreRenewedWhileALongGroupIsPublished() {
		this.store.upsertAll(reminders(1_500, T0));
		List<Long> heldWhilePublishing = new ArrayList<>();
		EventPublisher slow = mock(EventPublisher.class);
		doAnswer((invocation) -> {
			// Each chunk takes 40 s: without renewal the third would outlive the lease.
			this.clock.advance(Duration.ofSeconds(40));
			heldWhilePublishing
				.add(this.mongo.count(new Query(Criteria.where("owner").is("a").and("until").gt(this.clock.instant())),
						DispatcherSlots.SLOTS));
			return record(invocation.getArgument(0), this.published);
		}).when(slow).publishAll(anyList());
		ReminderDispatcher dispatcher = dispatcher("a", slow);
		dispatcher.loadWindow();

		this.clock.set(T0);
		dispatcher.fireGroup(T0);

		assertThat(heldWhilePublishing).containsExactly(16L, 16L, 16L);
		assertThat(this.published).hasSize(1_500).doesNotHaveDuplicates();
	}

	@Test
	void aClockJumpOfHoursReadsTheBucketsBetweenAndOfDaysSweeps() {
		Instant later = T0.plus(Duration.ofHours(3));
		this.store.upsertAll(reminders(50, later));
		// Stored without a bucket entry, as by a process that died between the two writes
		// of an older version: only the sweep finds it.
		this.mongo.insert(reminder(99, later));
		ReminderDispatcher dispatcher = dispatcher("a");
		dispatcher.loadWindow();

		this.clock.set(T0.plus(Duration.ofHours(5)));
		dispatcher.loadWindow();
		assertThat(this.published).hasSize(50);

		this.clock.set(T0.plus(Duration.ofDays(2)));
		dispatcher.loadWindow();
		assertThat(this.published).hasSize(51).doesNotHaveDuplicates();
	}

	@Test
	void theFirstWindowSweepsForWhatNoBucketLists() {
		this.mongo.insert(reminder(1, T0));
		ReminderDispatcher dispatcher = dispatcher("a");
		dispatcher.loadWindow();

		this.clock.set(T0);
		dispatcher.fireGroup(T0);

		assertThat(this.published).containsExactly(reminder(1, T0).id());
	}

	@Test
	void aCancelledReminderDoesNotFire() {
		this.store.upsertAll(reminders(3, T0));
		this.store.cancelAll(List.of(reminder(1, T0).id()));
		ReminderDispatcher dispatcher = dispatcher("a");
		dispatcher.loadWindow();

		this.clock.set(T0);
		dispatcher.fireGroup(T0);

		assertThat(this.published).containsExactlyInAnyOrder(reminder(0, T0).id(), reminder(2, T0).id());
	}

	@Test
	void aStoppedDispatcherGivesItsSlotsBack() {
		ReminderDispatcher first = dispatcher("a");
		first.loadWindow();
		first.destroy();
		this.store.upsertAll(reminders(40, T0));

		ReminderDispatcher second = dispatcher("b");
		second.loadWindow();
		this.clock.set(T0);
		second.fireGroup(T0);

		assertThat(owners().values()).containsOnly("b");
		assertThat(this.published).hasSize(40);
	}

	@Test
	void anExpiryCheckIsAnApplicationEventNotAMessage() {
		Reminder expire = Reminder.pending("c1", "c1:FILING_WINDOW", "FILING_WINDOW", Purpose.EXPIRE,
				LocalDate.of(2026, 9, 3), T0, "Decreto Ejecutivo 5 de 2018, art. 30", T0);
		this.store.upsertAll(List.of(expire));
		ReminderDispatcher dispatcher = dispatcher("a");
		dispatcher.loadWindow();

		this.clock.set(T0);
		dispatcher.fireGroup(T0);

		assertThat(this.published).isEmpty();
		assertThat(this.passed).containsExactly(new DeadlinePassed("c1", "c1:FILING_WINDOW"));
		assertThat(statuses(Status.FIRED)).isOne();
	}

	private ReminderDispatcher dispatcher(String name) {
		return dispatcher(name, this.published);
	}

	private ReminderDispatcher dispatcher(String name, List<String> sink) {
		EventPublisher publisher = mock(EventPublisher.class);
		doAnswer((invocation) -> record(invocation.getArgument(0), sink)).when(publisher).publishAll(anyList());
		return dispatcher(name, publisher);
	}

	private ReminderDispatcher dispatcher(String name, EventPublisher publisher) {
		DispatcherSlots slots = new DispatcherSlots(this.mongo, this.clock, name, PROPERTIES.lease());
		return new ReminderDispatcher(this.store, slots, publisher, (event) -> this.passed.add((DeadlinePassed) event),
				mock(Scheduler.class), this.clock, PROPERTIES, new ReminderMetrics(this.registry));
	}

	private static Object record(List<Outgoing> events, List<String> sink) {
		events.forEach((event) -> sink.add(event.id()));
		return null;
	}

	private java.util.Map<Integer, String> owners() {
		java.util.Map<Integer, String> owners = new java.util.TreeMap<>();
		this.mongo.findAll(Document.class, DispatcherSlots.SLOTS)
			.stream()
			.filter((slot) -> slot.getString("owner") != null)
			.forEach((slot) -> owners.put(slot.getInteger("_id"), slot.getString("owner")));
		return owners;
	}

	private long statuses(Status status) {
		return this.mongo.count(new Query(Criteria.where("status").is(status)), Reminder.class);
	}

	private static List<Reminder> reminders(int count, Instant at) {
		return IntStream.range(0, count).mapToObj((i) -> reminder(i, at)).toList();
	}

	private static Reminder reminder(int i, Instant at) {
		return Reminder.pending("c" + i, "c" + i + ":FILING_WINDOW", "FILING_WINDOW", Purpose.REMIND,
				LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"), "Decreto Ejecutivo 5 de 2018, art. 30",
				at);
	}

}
