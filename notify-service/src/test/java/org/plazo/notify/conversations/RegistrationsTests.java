package org.plazo.notify.conversations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.notifications.SelfRegistrationConfirmed;
import org.plazo.notify.outbox.OutboxCollection;
import org.plazo.notify.outbox.PendingEvent;
import org.plazo.notify.privacy.PrivacyFixtures;
import org.plazo.notify.testing.MongoStandIn;
import org.plazo.notify.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationsTests {

	private static final Instant NOW = Instant.parse("2026-08-04T15:00:00Z");

	private static final String PHONE = "+50760004321";

	private final MongoStandIn mongo = new MongoStandIn();

	private final Registrations registrations = new Registrations(this.mongo.template(),
			PrivacyFixtures.keys(this.mongo.template(), new MutableClock(NOW)), PrivacyFixtures.index());

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void aConfirmedRegistrationKeepsItsPendingEventEncryptedAndTheSweepReadsItBack() {
		Registration registration = this.registrations.start(PHONE, "case-9", "es", NOW);
		registration.propose(LocalDate.of(2026, 3, 15), NOW);
		List<PendingEvent> confirmed = registration.confirm(PHONE, NOW);
		this.registrations.save(registration, PHONE);

		Document raw = this.mongo.template().getCollection("registrations").find().first();
		assertThat(raw.toJson()).doesNotContain("60004321").contains("case-9");
		Registration found = this.registrations.find(PHONE);
		assertThat(found.caseId()).isEqualTo("case-9");
		OutboxCollection outbox = this.registrations.outboxCollection();
		PendingEvent stored = found.outbox().get(0);
		assertThat(stored.data()).startsWith("sealed:case-9:");
		assertThat(outbox.opener().open(found.id(), stored).event())
			.isEqualTo(new SelfRegistrationConfirmed("case-9", PHONE, LocalDate.of(2026, 3, 15), "es", NOW))
			.isEqualTo(confirmed.get(0).event());

		this.registrations.erase("case-9");

		assertThat(this.registrations.find(PHONE)).isNull();
	}

}
