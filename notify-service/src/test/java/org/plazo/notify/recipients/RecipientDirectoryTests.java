package org.plazo.notify.recipients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.notifications.OptOutRecorded;
import org.plazo.notify.outbox.EventOutbox;
import org.plazo.notify.outbox.PendingEvent;
import org.plazo.notify.testing.MongoStandIn;
import org.plazo.notify.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class RecipientDirectoryTests {

	private static final Instant NOW = Instant.parse("2026-08-04T15:00:00Z");

	private final MongoStandIn mongo = new MongoStandIn();

	private final EventOutbox outbox = mock();

	private final RecipientDirectory directory = RecipientsFixtures.directory(this.mongo.template(), this.outbox,
			new MutableClock(NOW));

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void phoneNumbersAreKeptInE164SoEveryWayOfWritingThemFindsTheCase() {
		this.directory.register(opened("case-1", "6000-1234"));

		assertThat(this.directory.find("case-1"))
			.hasValueSatisfying((recipient) -> assertThat(recipient.phone()).isEqualTo("+50760001234"));
		assertThat(this.directory.findByPhone("+50760001234")).extracting(Recipient::caseId).containsExactly("case-1");
		assertThat(PhoneNumbers.e164("+507 6000 1234")).contains("+50760001234");
		assertThat(PhoneNumbers.e164("12")).isEmpty();
		assertThat(PhoneNumbers.e164("not a number")).isEmpty();
	}

	@Test
	void optingOutTellsEveryCaseOfThePhoneOnce() {
		this.directory.register(opened("case-1", "+50760001234"));
		this.directory.register(opened("case-2", "+50760001234"));
		this.directory.register(opened("case-3", "+50760005678"));

		assertThat(this.directory.optOut("+50760001234", "BAJA")).isTrue();
		assertThat(this.directory.optOut("+50760001234", "STOP")).isFalse();

		ArgumentCaptor<List<PendingEvent>> events = ArgumentCaptor.captor();
		verify(this.outbox, times(1)).publish(eq("phone_contacts"), any(), events.capture());
		assertThat(events.getValue()).extracting(PendingEvent::event)
			.containsExactlyInAnyOrder(new OptOutRecorded("case-1", "SMS", "BAJA", NOW),
					new OptOutRecorded("case-2", "SMS", "BAJA", NOW));
		assertThat(this.directory.find("case-1").orElseThrow().optedOut()).isTrue();
		assertThat(this.directory.find("case-3").orElseThrow().optedOut()).isFalse();
	}

	@Test
	void optOutHoldsForCasesOpenedLaterAndEndsWithOptIn() {
		this.directory.optOut("+50760001234", "STOP");
		this.directory.register(opened("case-1", "+50760001234"));

		assertThat(this.directory.find("case-1").orElseThrow().optedOut()).isTrue();
		assertThat(this.directory.optIn("+50760001234")).isTrue();
		assertThat(this.directory.find("case-1").orElseThrow().optedOut()).isFalse();
		assertThat(this.directory.optIn("+50760001234")).isFalse();
	}

	@Test
	void languageChosenBySmsWinsOverTheCases() {
		this.directory.register(opened("case-1", "+50760001234"));

		this.directory.speak("+50760001234", "ht");

		assertThat(this.directory.find("case-1").orElseThrow().language()).isEqualTo("ht");
	}

	private static CaseOpened opened(String caseId, String phone) {
		return new CaseOpened(caseId, LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, phone, null, true, 1, NOW);
	}

}
