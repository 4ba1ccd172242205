package org.plazo.notify.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.notify.email.MailDelivery;
import org.plazo.notify.messages.ReminderMessages;
import org.plazo.notify.recipients.Recipient;
import org.plazo.notify.recipients.RecipientDirectory;
import org.plazo.notify.sms.SmsGateway;
import org.plazo.notify.sms.SmsReceipt;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class ReminderDeliveryTests {

	private static final Instant NOW = Instant.parse("2026-08-04T12:00:00Z");

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client = MongoClients.create(this.server.bindAndGetConnectionString());

	private final MongoTemplate mongo = new MongoTemplate(this.client, "plazo-notify");

	private final RecipientDirectory recipients = mock();

	private final NotificationRelay relay = mock();

	private final SmsGateway sms = mock();

	private final MailDelivery mail = mock();

	private final ReminderDelivery delivery = new ReminderDelivery(this.recipients, new Notifications(this.mongo),
			this.relay, new ReminderMessages(), this.sms, this.mail, Clock.fixed(NOW, ZoneOffset.UTC),
			Duration.ofMinutes(5));

	private final ReminderDue reminder = new ReminderDue("case-1", "case-1:FILING_WINDOW:P-30D", "case-1:FILING_WINDOW",
			"FILING_WINDOW", LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"),
			"Decreto Ejecutivo 5 de 2018, art. 30", NOW);

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void unknownCaseIsDeferred() {
		given(this.recipients.find("case-1")).willReturn(Optional.empty());

		assertThatExceptionOfType(DeliveryDeferred.class).isThrownBy(() -> this.delivery.deliver(this.reminder))
			.satisfies((deferred) -> assertThat(deferred.reason()).isEqualTo(FailureReason.UNKNOWN_RECIPIENT));
		assertThat(this.mongo.findAll(Notification.class)).isEmpty();
	}

	@Test
	void providerFailureReleasesTheClaimSoTheRetrySends() {
		given(this.recipients.find("case-1")).willReturn(Optional.of(ana(ContactChannel.SMS, "+50760001234")));
		given(this.sms.send(any())).willThrow(new IllegalStateException("provider down"))
			.willReturn(new SmsReceipt("dev-outbox", 2));

		assertThatExceptionOfType(DeliveryDeferred.class).isThrownBy(() -> this.delivery.deliver(this.reminder))
			.satisfies((deferred) -> assertThat(deferred.reason()).isEqualTo(FailureReason.PROVIDER_ERROR));
		this.delivery.deliver(this.reminder);

		verify(this.sms, times(2)).send(any());
		assertThat(stored(ContactChannel.SMS).status()).isEqualTo(Notification.Status.SENT);
	}

	@Test
	void givingUpAfterProviderFailuresRecordsTheFailure() {
		given(this.recipients.find("case-1"))
			.willReturn(Optional.of(ana(ContactChannel.EMAIL, "ana.prueba@example.org")));
		willThrow(new MailSendException("550 <ana.prueba@example.org> unknown")).given(this.mail)
			.send(anyString(), any());
		assertThatExceptionOfType(DeliveryDeferred.class).isThrownBy(() -> this.delivery.deliver(this.reminder))
			.withMessageNotContaining("ana.prueba");

		this.delivery.giveUp(this.reminder, FailureReason.PROVIDER_ERROR);

		Notification failed = stored(ContactChannel.EMAIL);
		assertThat(failed.status()).isEqualTo(Notification.Status.FAILED);
		assertThat(failed.outbox()).singleElement()
			.satisfies((pending) -> assertThat(pending.event()).isInstanceOfSatisfying(NotificationFailed.class,
					(event) -> assertThat(event.reason()).isEqualTo("PROVIDER_ERROR")));
	}

	@Test
	void personWithoutAnAddressOnTheirChannelGetsNothingAndTheFailureIsRecorded() {
		given(this.recipients.find("case-1")).willReturn(Optional.of(ana(ContactChannel.EMAIL, null)));

		this.delivery.deliver(this.reminder);

		verifyNoInteractions(this.mail, this.sms);
		assertThat(stored(ContactChannel.EMAIL).failureReason()).isEqualTo(FailureReason.NO_ADDRESS);
	}

	@Test
	void givingUpOnAnUnknownCaseRecordsItOnSms() {
		given(this.recipients.find("case-1")).willReturn(Optional.empty());

		this.delivery.giveUp(this.reminder, FailureReason.UNKNOWN_RECIPIENT);

		assertThat(stored(ContactChannel.SMS).failureReason()).isEqualTo(FailureReason.UNKNOWN_RECIPIENT);
	}

	private Notification stored(ContactChannel channel) {
		return this.mongo.findById(Notification.idOf(this.reminder.reminderId(), channel), Notification.class);
	}

	private static Recipient ana(ContactChannel channel, String address) {
		return new Recipient("case-1", "es", channel, (channel == ContactChannel.SMS) ? address : "+50760001234",
				(channel == ContactChannel.EMAIL) ? address : null, true, NOW);
	}

}
