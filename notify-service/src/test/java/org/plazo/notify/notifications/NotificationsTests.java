package org.plazo.notify.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim and outbox writes, on the embedded MongoDB-wire server the build machines
 * use.
 */
class NotificationsTests {

	private static final Instant NOW = Instant.parse("2026-08-04T12:00:00Z");

	private static final Instant LEASE = NOW.plusSeconds(300);

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client = MongoClients.create(this.server.bindAndGetConnectionString());

	private final MongoTemplate mongo = new MongoTemplate(this.client, "plazo-notify");

	private final Notifications notifications = new Notifications(this.mongo);

	private final ReminderDue reminder = new ReminderDue("case-1", "case-1:FILING_WINDOW:P-30D", "case-1:FILING_WINDOW",
			"FILING_WINDOW", LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"),
			"Decreto Ejecutivo 5 de 2018, art. 30", NOW);

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void firstClaimWinsAndASecondGetsNothingWhileTheLeaseRuns() {
		assertThat(this.notifications.claim(claim(), NOW)).isPresent();

		assertThat(this.notifications.claim(claim(), NOW.plusSeconds(60))).isEmpty();
	}

	@Test
	void claimLeftUnfinishedIsTakenOverOnceItsLeaseRunsOut() {
		this.notifications.claim(claim(), NOW);

		assertThat(this.notifications.claim(claim(), LEASE)).hasValueSatisfying((taken) -> {
			assertThat(taken.status()).isEqualTo(Notification.Status.SENDING);
			assertThat(taken.attempts()).isEqualTo(2);
		});
	}

	@Test
	void releasedClaimCanBeClaimedAgainAtOnce() {
		this.notifications.claim(claim(), NOW);
		this.notifications.release(claim().id(), NOW);

		assertThat(this.notifications.claim(claim(), NOW)).isPresent();
	}

	@Test
	void finishedNotificationIsNeverClaimedAgain() {
		Notification claimed = this.notifications.claim(claim(), NOW).orElseThrow();
		this.notifications.save(claimed.sent("dev-outbox", 1, List.of(), NOW));

		assertThat(this.notifications.claim(claim(), NOW.plusSeconds(86_400))).isEmpty();
	}

	@Test
	void deferredNotificationIsFoundWhenItsTimeComesAndClaimedOnce() {
		Notification claimed = this.notifications.claim(claim(), NOW).orElseThrow();
		this.notifications.save(claimed.defer(NOW.plusSeconds(60), "RETRY", "HTTP_503", NOW));

		assertThat(this.notifications.dueDeferred(NOW.plusSeconds(59), 10)).isEmpty();
		assertThat(this.notifications.dueDeferred(NOW.plusSeconds(60), 10)).containsExactly(claimed.id());
		assertThat(this.notifications.claimDeferred(claimed.id(), NOW.plusSeconds(60), LEASE))
			.hasValueSatisfying((taken) -> {
				assertThat(taken.status()).isEqualTo(Notification.Status.SENDING);
				assertThat(taken.attempts()).isEqualTo(2);
			});
		assertThat(this.notifications.claimDeferred(claimed.id(), NOW.plusSeconds(60), LEASE)).isEmpty();
		assertThat(this.notifications.dueDeferred(NOW.plusSeconds(60), 10)).isEmpty();
	}

	@Test
	void claimAbandonedByASenderThatStoppedIsPickedUpByThePollerOnceItsLeaseRunsOut() {
		Notification claimed = this.notifications.claim(claim(), NOW).orElseThrow();

		assertThat(this.notifications.dueDeferred(NOW.plusSeconds(299), 10)).isEmpty();
		assertThat(this.notifications.dueDeferred(LEASE, 10)).containsExactly(claimed.id());
		assertThat(this.notifications.claimDeferred(claimed.id(), LEASE, LEASE.plusSeconds(300))).isPresent();
		assertThat(this.notifications.claimDeferred(claimed.id(), LEASE, LEASE.plusSeconds(300))).isEmpty();
	}

	@Test
	void aDeferredNotificationIsNotClaimedByARedeliveredReminder() {
		Notification claimed = this.notifications.claim(claim(), NOW).orElseThrow();
		this.notifications.save(claimed.defer(NOW.plusSeconds(60), "QUIET_HOURS", null, NOW));

		assertThat(this.notifications.claim(claim(), NOW.plusSeconds(3600))).isEmpty();
	}

	private Notification claim() {
		return Notification.claim(this.reminder, ContactChannel.SMS, NOW, LEASE);
	}

}
