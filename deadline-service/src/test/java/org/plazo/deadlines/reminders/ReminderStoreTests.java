package org.plazo.deadlines.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.reminders.Reminder.Purpose;
import org.plazo.deadlines.reminders.Reminder.Status;
import org.plazo.deadlines.support.EmbeddedMongo;
import org.plazo.deadlines.support.MovableClock;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder store on the MongoDB stand-in: idempotent scheduling, the buckets that
 * list reminders by minute and slot, and the sweep.
 */
class ReminderStoreTests {

	static final Instant T0 = Instant.parse("2026-07-05T13:00:00Z");

	private final MovableClock clock = new MovableClock(T0.minusSeconds(3600));

	private MongoClient client;

	private ReminderStore store;

	private MongoTemplate mongo;

	@BeforeEach
	void connect() {
		this.client = MongoClients.create(EmbeddedMongo.uri("reminder-store-tests"));
		this.mongo = new MongoTemplate(this.client, "reminder-store-tests");
		this.mongo.getDb().drop();
		this.store = new ReminderStore(this.mongo, this.clock);
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void schedulingTheSameReminderTwiceStoresAndListsItOnce() {
		this.store.upsertAll(List.of(reminder(T0)));
		this.store.upsertAll(List.of(reminder(T0)));

		assertThat(this.mongo.findAll(Reminder.class)).hasSize(1);
		assertThat(this.store.sizes(List.of(bucket(T0)))).containsEntry(bucket(T0), 1);
	}

	@Test
	void aReminderIsListedByIdInTheBucketOfItsMinuteAndSlot() {
		Reminder reminder = reminder(T0.plusSeconds(42));
		this.store.upsertAll(List.of(reminder));

		Document bucket = this.mongo.findById(T0 + "/" + Reminder.slotOf("c1"), Document.class, ReminderStore.BUCKETS);
		assertThat(bucket).isNotNull();
		assertThat(bucket.getList("ids", String.class)).containsExactly(reminder.id());
		assertThat(bucket.getInteger("n")).isOne();
		assertThat(bucket.getInteger("slot")).isEqualTo(Reminder.slotOf("c1"));
		assertThat(bucket.getDate("at").toInstant()).isEqualTo(T0);
	}

	@Test
	void aReminderAlreadyDueIsListedUnderTheMinuteItIsStoredIn() {
		this.clock.set(T0.plusSeconds(3 * 3600 + 30));
		this.store.upsertAll(List.of(reminder(T0)));

		ReminderBucket now = new ReminderBucket(T0.plusSeconds(3 * 3600), Reminder.slotOf("c1"));
		assertThat(this.store.sizes(List.of(bucket(T0), now))).containsOnlyKeys(now);
	}

	@Test
	void bucketEntriesAreReadFromAnyPosition() {
		List<Reminder> reminders = List.of(reminder(T0), reminder(T0.plusSeconds(1)), reminder(T0.plusSeconds(2)));
		reminders.forEach((reminder) -> this.store.upsertAll(List.of(reminder)));

		assertThat(this.store.sizes(List.of(bucket(T0), bucket(T0.plusSeconds(3600))))).containsOnlyKeys(bucket(T0))
			.containsEntry(bucket(T0), 3);
		assertThat(this.store.entries(bucket(T0), 1, 2)).containsExactly(reminders.get(1).id(), reminders.get(2).id());
		assertThat(this.store.toFire(this.store.entries(bucket(T0), 0, 3))).extracting(Reminder::fireAt)
			.containsExactlyInAnyOrder(T0, T0.plusSeconds(1), T0.plusSeconds(2));
	}

	@Test
	void aFiredReminderIsNeitherDueNorCancellable() {
		Reminder reminder = reminder(T0);
		this.store.upsertAll(List.of(reminder));
		this.store.markFired(List.of(reminder.id()), T0);

		assertThat(this.store.dueBefore(T0.plusSeconds(3600))).isEmpty();
		assertThat(this.store.toFire(List.of(reminder.id()))).isEmpty();
		this.store.cancelAll(List.of(reminder.id()));
		assertThat(this.store.byIds(List.of(reminder.id()))).singleElement()
			.extracting(Reminder::status)
			.isEqualTo(Status.FIRED);
	}

	@Test
	void aCancelledReminderScheduledAgainIsPendingAndListedAgain() {
		Reminder reminder = reminder(T0);
		this.store.upsertAll(List.of(reminder));
		this.store.cancelAll(List.of(reminder.id()));
		assertThat(this.store.dueBefore(T0.plusSeconds(60))).isEmpty();
		assertThat(this.store.toFire(List.of(reminder.id()))).isEmpty();

		this.store.upsertAll(List.of(reminder));
		assertThat(this.store.dueBefore(T0.plusSeconds(60))).extracting(Reminder::id).containsExactly(reminder.id());
		assertThat(this.store.sizes(List.of(bucket(T0)))).containsEntry(bucket(T0), 2);
	}

	@Test
	void aReminderClaimedByAnEarlierVersionIsStillToFire() {
		this.mongo.insert(new Reminder("old", "c1", "c1:FILING_WINDOW", "FILING_WINDOW", Purpose.REMIND,
				LocalDate.of(2026, 9, 3), T0, "Decreto Ejecutivo 5 de 2018, art. 30", T0, Status.CLAIMED, null));

		assertThat(this.store.dueBefore(T0.plusSeconds(1))).extracting(Reminder::id).containsExactly("old");
		assertThat(this.store.toFire(List.of("old"))).hasSize(1);
	}

	@Test
	void theSweepHoldsOnlyWhatIsDueBeforeItsHorizonInOrder() {
		this.store.upsertAll(List.of(reminder(T0.plusSeconds(30)), reminder(T0), reminder(T0.plusSeconds(300))));
		assertThat(this.store.dueBefore(T0.plusSeconds(60))).extracting(Reminder::fireAt)
			.containsExactly(T0, T0.plusSeconds(30));
	}

	@Test
	void droppingBucketsKeepsOtherSlotsAndLaterMinutes() {
		Reminder ours = reminder(T0);
		Reminder later = reminder(T0.plusSeconds(600));
		Reminder other = Reminder.pending("c2", "c2:FILING_WINDOW", "FILING_WINDOW", Purpose.REMIND,
				LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"), "Decreto Ejecutivo 5 de 2018, art. 30",
				T0);
		assertThat(other.slot()).isNotEqualTo(ours.slot());
		this.store.upsertAll(List.of(ours, later, other));

		this.store.dropBuckets(List.of(ours.slot()), T0.plusSeconds(60));

		ReminderBucket otherBucket = new ReminderBucket(T0, other.slot());
		ReminderBucket laterBucket = new ReminderBucket(T0.plusSeconds(600), ours.slot());
		assertThat(this.store.sizes(List.of(bucket(T0), otherBucket, laterBucket))).containsOnlyKeys(otherBucket,
				laterBucket);
	}

	private static ReminderBucket bucket(Instant minute) {
		return new ReminderBucket(minute, Reminder.slotOf("c1"));
	}

	private static Reminder reminder(Instant at) {
		return Reminder.pending("c1", "c1:FILING_WINDOW", "FILING_WINDOW", Purpose.REMIND, LocalDate.of(2026, 9, 3),
				Instant.parse("2026-09-03T21:00:00Z"), "Decreto Ejecutivo 5 de 2018, art. 30", at);
	}

}
