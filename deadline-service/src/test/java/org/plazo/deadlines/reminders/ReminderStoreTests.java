package org.plazo.deadlines.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.reminders.Reminder.Purpose;
import org.plazo.deadlines.reminders.Reminder.Status;
import org.plazo.deadlines.support.EmbeddedMongo;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder store on the MongoDB stand-in: idempotent scheduling and leases.
 */
class ReminderStoreTests {

	static final Instant T0 = Instant.parse("2026-07-05T13:00:00Z");

	private MongoClient client;

	private ReminderStore store;

	private MongoTemplate mongo;

	@BeforeEach
	void connect() {
		this.client = MongoClients.create(EmbeddedMongo.uri("reminder-store-tests"));
		this.mongo = new MongoTemplate(this.client, "reminder-store-tests");
		this.mongo.dropCollection(Reminder.class);
		this.store = new ReminderStore(this.mongo);
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void schedulingTheSameReminderTwiceStoresItOnce() {
		this.store.upsertAll(List.of(reminder(T0)));
		this.store.upsertAll(List.of(reminder(T0)));
		assertThat(this.mongo.findAll(Reminder.class)).hasSize(1);
	}

	@Test
	void aLiveLeaseKeepsOtherDispatchersAwayUntilItRunsOut() {
		Reminder reminder = reminder(T0);
		this.store.upsertAll(List.of(reminder));

		assertThat(this.store.claimDue(T0, T0, "first", T0.plusSeconds(60))).isOne();
		assertThat(this.store.claimDue(T0.plusSeconds(30), T0.plusSeconds(30), "second", T0.plusSeconds(90))).isZero();
		// The first dispatcher died: its lease runs out and the next window finds it.
		assertThat(this.store.dueBefore(T0.plusSeconds(120), T0.plusSeconds(61))).extracting(Reminder::id)
			.containsExactly(reminder.id());
		assertThat(this.store.claimDue(T0.plusSeconds(61), T0.plusSeconds(61), "third", T0.plusSeconds(121))).isOne();
		assertThat(this.store.byIds(List.of(reminder.id()))).singleElement()
			.extracting(Reminder::claimToken)
			.isEqualTo("third");
	}

	@Test
	void aGroupIsClaimedWithOneTokenAndOnlyUpToItsInstant() {
		this.store.upsertAll(List.of(reminder(T0), reminder(T0.plusSeconds(1)), reminder(T0.plusSeconds(2))));

		assertThat(this.store.claimDue(T0.plusSeconds(1), T0, "round", T0.plusSeconds(60))).isEqualTo(2);
		assertThat(this.store.claimedBy("round")).containsExactlyInAnyOrder(reminder(T0).id(),
				reminder(T0.plusSeconds(1)).id());
	}

	@Test
	void aFiredReminderIsNeitherDueNorClaimableNorCancellable() {
		Reminder reminder = reminder(T0);
		this.store.upsertAll(List.of(reminder));
		this.store.claimDue(T0, T0, "round", T0.plusSeconds(60));
		this.store.markFired(List.of(reminder.id()), T0);

		assertThat(this.store.dueBefore(T0.plusSeconds(3600), T0.plusSeconds(3600))).isEmpty();
		assertThat(this.store.claimDue(T0.plusSeconds(3600), T0.plusSeconds(3600), "later", T0.plusSeconds(3660)))
			.isZero();
		this.store.cancelAll(List.of(reminder.id()));
		assertThat(this.store.byIds(List.of(reminder.id()))).singleElement()
			.extracting(Reminder::status)
			.isEqualTo(Status.FIRED);
	}

	@Test
	void aCancelledReminderScheduledAgainIsPendingAgain() {
		Reminder reminder = reminder(T0);
		this.store.upsertAll(List.of(reminder));
		this.store.cancelAll(List.of(reminder.id()));
		assertThat(this.store.dueBefore(T0.plusSeconds(60), T0)).isEmpty();

		this.store.upsertAll(List.of(reminder));
		assertThat(this.store.dueBefore(T0.plusSeconds(60), T0)).extracting(Reminder::id)
			.containsExactly(reminder.id());
	}

	@Test
	void aWindowHoldsOnlyWhatIsDueBeforeItsHorizon() {
		this.store.upsertAll(List.of(reminder(T0), reminder(T0.plusSeconds(30)), reminder(T0.plusSeconds(300))));
		assertThat(this.store.dueBefore(T0.plusSeconds(60), T0)).extracting(Reminder::fireAt)
			.containsExactly(T0, T0.plusSeconds(30));
	}

	private static Reminder reminder(Instant at) {
		return Reminder.pending("c1", "c1:FILING_WINDOW", "FILING_WINDOW", Purpose.REMIND, LocalDate.of(2026, 9, 3),
				Instant.parse("2026-09-03T21:00:00Z"), "Decreto Ejecutivo 5 de 2018, art. 30", at);
	}

}
