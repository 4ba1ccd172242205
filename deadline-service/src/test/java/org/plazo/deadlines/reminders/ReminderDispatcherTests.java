package org.plazo.deadlines.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import static org.mockito.Mockito.reset;

/**
 * The dispatcher on the MongoDB stand-in: a group claimed in one update and fired once in
 * chunks, leases that outlive a dead dispatcher, renewed while a long group is published.
 * Quartz is not running: the tests call the windows and triggers themselves and move the
 * clock.
 */
class ReminderDispatcherTests {

	static final Instant T0 = Instant.parse("2026-07-06T14:00:00Z");

	static final DispatcherProperties PROPERTIES = new DispatcherProperties(Duration.ofSeconds(5),
			Duration.ofMinutes(1), Duration.ofSeconds(60));

	private final MovableClock clock = new MovableClock(T0.minusSeconds(30));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final List<String> published = new ArrayList<>();

	private final List<DeadlinePassed> passed = new ArrayList<>();

	private MongoClient client;

	private MongoTemplate mongo;

	private ReminderStore store;

	private EventPublisher publisher;

	@BeforeEach
	void connect() {
		this.client = MongoClients.create(EmbeddedMongo.uri("reminder-dispatcher-tests"));
		this.mongo = new MongoTemplate(this.client, "reminder-dispatcher-tests");
		this.mongo.dropCollection(Reminder.class);
		this.store = new ReminderStore(this.mongo);
		this.publisher = mock(EventPublisher.class);
		recordPublished();
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void firesAGroupOnceInChunksAndCountsIt() {
		this.store.upsertAll(reminders(1_200, T0));
		ReminderDispatcher dispatcher = dispatcher();
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
		ReminderDispatcher dispatcher = dispatcher();
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
	void aDeadDispatchersRemindersFireAgainOnceItsLeaseRunsOut() {
		this.store.upsertAll(reminders(700, T0));
		// A dispatcher claimed the group at T0 and died before publishing anything.
		assertThat(this.store.claimDue(T0, T0, "dead", T0.plus(PROPERTIES.lease()))).isEqualTo(700);
		ReminderDispatcher survivor = dispatcher();

		this.clock.set(T0.plusSeconds(30));
		survivor.loadWindow();
		assertThat(this.published).isEmpty();

		// The first window after the lease ran out claims them again.
		this.clock.set(T0.plus(PROPERTIES.lease()).plus(PROPERTIES.pollInterval()));
		survivor.loadWindow();
		assertThat(this.published).hasSize(700).doesNotHaveDuplicates();
		assertThat(statuses(Status.FIRED)).isEqualTo(700);

		this.clock.advance(PROPERTIES.lease().multipliedBy(2));
		survivor.loadWindow();
		assertThat(this.published).hasSize(700);
	}

	@Test
	void twoDispatchersFireEachReminderOnce() {
		this.store.upsertAll(reminders(1_000, T0));
		ReminderDispatcher first = dispatcher();
		ReminderDispatcher second = dispatcher();
		first.loadWindow();
		second.loadWindow();

		this.clock.set(T0);
		first.fireGroup(T0);
		second.fireGroup(T0);

		assertThat(this.published).hasSize(1_000).doesNotHaveDuplicates();
	}

	@Test
	void firesRemindersTheClaimCaughtThatTheWindowHadNotLoaded() {
		this.store.upsertAll(reminders(10, T0));
		ReminderDispatcher dispatcher = dispatcher();
		dispatcher.loadWindow();
		// Stored by another instance after this one's window loaded.
		this.store.upsertAll(IntStream.range(10, 20).mapToObj((i) -> reminder(i, T0)).toList());

		this.clock.set(T0);
		dispatcher.fireGroup(T0);

		assertThat(this.published).hasSize(20).doesNotHaveDuplicates();
	}

	@Test
	void remindersKafkaDidNotTakeGoBackToPendingAndFireAtTheNextWindow() {
		this.store.upsertAll(reminders(600, T0));
		ReminderDispatcher dispatcher = dispatcher();
		dispatcher.loadWindow();
		doThrow(PublishFailedException.class).when(this.publisher).publishAll(anyList());

		this.clock.set(T0);
		dispatcher.fireGroup(T0);
		assertThat(this.published).isEmpty();
		assertThat(statuses(Status.FIRED)).isZero();

		reset(this.publisher);
		recordPublished();
		this.clock.advance(PROPERTIES.lease().plusSeconds(1));
		dispatcher.loadWindow();
		assertThat(this.published).hasSize(600).doesNotHaveDuplicates();
	}

	@Test
	void theLeaseIsRenewedWhileALongGroupIsPublished() {
		this.store.upsertAll(reminders(1_500, T0));
		ReminderDispatcher dispatcher = dispatcher();
		dispatcher.loadWindow();
		List<Long> expiredWhilePublishing = new ArrayList<>();
		doAnswer((invocation) -> {
			// Each chunk takes 40 s: without renewal the third would outlive the lease.
			this.clock.advance(Duration.ofSeconds(40));
			expiredWhilePublishing.add(this.mongo.count(
					new Query(Criteria.where("status").is(Status.CLAIMED).and("leaseUntil").lt(this.clock.instant())),
					Reminder.class));
			List<Outgoing> events = invocation.getArgument(0);
			events.forEach((event) -> this.published.add(event.id()));
			return null;
		}).when(this.publisher).publishAll(anyList());

		this.clock.set(T0);
		dispatcher.fireGroup(T0);

		assertThat(expiredWhilePublishing).containsExactly(0L, 0L, 0L);
		assertThat(this.published).hasSize(1_500).doesNotHaveDuplicates();
	}

	@Test
	void anExpiryCheckIsAnApplicationEventNotAMessage() {
		Reminder expire = Reminder.pending("c1", "c1:FILING_WINDOW", "FILING_WINDOW", Purpose.EXPIRE,
				LocalDate.of(2026, 9, 3), T0, "Decreto Ejecutivo 5 de 2018, art. 30", T0);
		this.store.upsertAll(List.of(expire));
		ReminderDispatcher dispatcher = dispatcher();
		dispatcher.loadWindow();

		this.clock.set(T0);
		dispatcher.fireGroup(T0);

		assertThat(this.published).isEmpty();
		assertThat(this.passed).containsExactly(new DeadlinePassed("c1", "c1:FILING_WINDOW"));
		assertThat(statuses(Status.FIRED)).isOne();
	}

	private ReminderDispatcher dispatcher() {
		return new ReminderDispatcher(this.store, this.publisher, (event) -> this.passed.add((DeadlinePassed) event),
				mock(Scheduler.class), this.clock, PROPERTIES, new ReminderMetrics(this.registry));
	}

	private void recordPublished() {
		doAnswer((invocation) -> {
			List<Outgoing> events = invocation.getArgument(0);
			events.forEach((event) -> this.published.add(event.id()));
			return null;
		}).when(this.publisher).publishAll(anyList());
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
