package org.plazo.notify.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.notifications.NotificationDelivered;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.events.notifications.NotificationSent;
import org.plazo.notify.email.MailDelivery;
import org.plazo.notify.messages.ReminderMessages;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.outbox.EventOutbox;
import org.plazo.notify.privacy.PrivacyFixtures;
import org.plazo.notify.outbox.PendingEvent;
import org.plazo.notify.recipients.Recipient;
import org.plazo.notify.recipients.RecipientDirectory;
import org.plazo.notify.sms.DeliveryReport;
import org.plazo.notify.sms.SmsGateway;
import org.plazo.notify.sms.SmsMessage;
import org.plazo.notify.sms.SmsNotSent;
import org.plazo.notify.sms.SmsReceipt;
import org.plazo.notify.testing.MongoStandIn;
import org.plazo.notify.testing.MutableClock;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class ReminderDeliveryTests {

	private static final ZoneId PANAMA = ZoneId.of("America/Panama");

	/** 10:00 in Panama. */
	private static final Instant MORNING = Instant.parse("2026-08-04T15:00:00Z");

	private static final MongoStandIn mongo = new MongoStandIn();

	private final MutableClock clock = new MutableClock(MORNING);

	private final RecipientDirectory recipients = mock();

	private final EventOutbox outbox = mock();

	private final SmsGateway sms = mock();

	private final MailDelivery mail = mock();

	private final Escalations escalations = mock();

	private final Notifications notifications = new Notifications(mongo.template());

	private final MessageRefs refs = new MessageRefs(mongo.template());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ReminderDelivery delivery = new ReminderDelivery(this.recipients, this.notifications, this.refs,
			this.outbox, ReminderMessages.withPlaceholderLegalAid(), this.sms, this.mail, this.escalations, this.clock,
			Duration.ofMinutes(5), new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0)),
			new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6), () -> 0.5),
			new NotifyMetrics(this.meters), PrivacyFixtures.erased(mongo.template()));

	private final ReminderDue reminder = reminder("FILING_WINDOW", LocalDate.of(2026, 9, 3), MORNING);

	@AfterEach
	void reset() {
		mongo.reset();
	}

	@AfterAll
	static void stop() {
		mongo.close();
	}

	@Test
	void unknownCaseIsDeferredToTheConsumer() {
		given(this.recipients.find("case-1")).willReturn(Optional.empty());

		assertThatExceptionOfType(DeliveryDeferred.class).isThrownBy(() -> this.delivery.deliver(this.reminder))
			.satisfies((deferred) -> assertThat(deferred.reason()).isEqualTo(FailureReason.UNKNOWN_RECIPIENT));
		assertThat(mongo.template().findAll(Notification.class)).isEmpty();
	}

	@Test
	void sentSmsRecordsItsSegmentsAndTheProvidersMessageId() {
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willReturn(new SmsReceipt("twilio", 2, List.of("SM1")));

		this.delivery.deliver(this.reminder);

		Notification sent = stored(ContactChannel.SMS);
		assertThat(sent.status()).isEqualTo(Notification.Status.SENT);
		assertThat(sent.segments()).isEqualTo(2);
		assertThat(sent.providerMessageIds()).containsExactly("SM1");
		assertThat(this.refs.notificationOf("twilio", "SM1")).contains(sent.id());
		assertThat(events(sent)).singleElement().isInstanceOf(NotificationSent.class);
		verify(this.outbox).publish(eq(Notification.COLLECTION), eq(sent.id()), any());
	}

	@Test
	void smsDueInQuietHoursWaitsForSevenInTheMorningWithoutHoldingTheConsumer() {
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willReturn(new SmsReceipt("twilio", 2, List.of("SM1")));
		this.clock.set(panama(2026, 8, 4, 22, 0));

		this.delivery.deliver(this.reminder);

		Notification deferred = stored(ContactChannel.SMS);
		assertThat(deferred.status()).isEqualTo(Notification.Status.DEFERRED);
		assertThat(deferred.deferredFor()).isEqualTo("QUIET_HOURS");
		assertThat(deferred.notBefore()).isEqualTo(panama(2026, 8, 5, 7, 0));
		verifyNoInteractions(this.sms);

		this.clock.set(panama(2026, 8, 5, 6, 59));
		assertThat(this.delivery.sendDue(10)).isZero();
		verifyNoInteractions(this.sms);

		this.clock.set(panama(2026, 8, 5, 7, 0));
		assertThat(this.delivery.sendDue(10)).isOne();
		verify(this.sms).send(any());
		assertThat(stored(ContactChannel.SMS).status()).isEqualTo(Notification.Status.SENT);
	}

	@Test
	void emailIsNotHeldByQuietHours() {
		ana(ContactChannel.EMAIL);
		this.clock.set(panama(2026, 8, 4, 23, 30));

		this.delivery.deliver(this.reminder);

		verify(this.mail).send(eq("ana.prueba@example.org"), any());
		assertThat(stored(ContactChannel.EMAIL).status()).isEqualTo(Notification.Status.SENT);
	}

	@Test
	void transientFailureIsRetriedLaterWithGrowingJitteredPauses() {
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willThrow(transientFailure())
			.willThrow(transientFailure())
			.willReturn(new SmsReceipt("twilio", 2, List.of("SM1")));

		this.delivery.deliver(this.reminder);

		// 30 s doubled each attempt; half fixed, half random (0.5 here).
		assertThat(stored(ContactChannel.SMS).notBefore()).isEqualTo(MORNING.plusMillis(22_500));
		this.clock.advance(Duration.ofMillis(22_499));
		assertThat(this.delivery.sendDue(10)).isZero();
		this.clock.advance(Duration.ofMillis(1));
		this.delivery.sendDue(10);
		Notification again = stored(ContactChannel.SMS);
		assertThat(again.status()).isEqualTo(Notification.Status.DEFERRED);
		assertThat(again.attempts()).isEqualTo(2);
		assertThat(again.notBefore()).isEqualTo(this.clock.instant().plusMillis(45_000));

		this.clock.advance(Duration.ofSeconds(45));
		this.delivery.sendDue(10);

		verify(this.sms, times(3)).send(any());
		assertThat(stored(ContactChannel.SMS).status()).isEqualTo(Notification.Status.SENT);
	}

	@Test
	void retriesStopAtTheEndOfTheWindowAndTheFailureIsRecorded() {
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willThrow(transientFailure());
		this.delivery.deliver(this.reminder);

		// The next pause would end after the six-hour window.
		this.clock.advance(Duration.ofHours(6));
		this.delivery.sendDue(10);

		Notification failed = stored(ContactChannel.SMS);
		assertThat(failed.status()).isEqualTo(Notification.Status.FAILED);
		assertThat(failed.failureReason()).isEqualTo(FailureReason.PROVIDER_ERROR);
		assertThat(events(failed)).singleElement()
			.isInstanceOfSatisfying(NotificationFailed.class, (event) -> assertThat(event.permanent()).isFalse());
	}

	@Test
	void permanentRefusalIsNotRetried() {
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willThrow(new SmsNotSent(SmsNotSent.Kind.PERMANENT, "twilio", "21211"));

		this.delivery.deliver(this.reminder);
		this.clock.advance(Duration.ofHours(1));
		this.delivery.sendDue(10);

		verify(this.sms, times(1)).send(any());
		Notification failed = stored(ContactChannel.SMS);
		assertThat(failed.failureReason()).isEqualTo(FailureReason.PROVIDER_REJECTED);
		assertThat(failed.providerCode()).isEqualTo("21211");
	}

	@Test
	void rateLimitWaitsAsLongAsTheProviderAsks() {
		ana(ContactChannel.SMS);
		given(this.sms.send(any()))
			.willThrow(new SmsNotSent(SmsNotSent.Kind.RATE_LIMITED, "twilio", "20429", Duration.ofSeconds(7)));

		this.delivery.deliver(this.reminder);

		Notification deferred = stored(ContactChannel.SMS);
		assertThat(deferred.deferredFor()).isEqualTo("RATE_LIMITED");
		assertThat(deferred.notBefore()).isEqualTo(MORNING.plusSeconds(7));
	}

	@Test
	void personWhoOptedOutGetsNothingAndItIsRecorded() {
		given(this.recipients.find("case-1")).willReturn(Optional
			.of(new Recipient("case-1", "es", ContactChannel.SMS, "+50760001234", null, true, true, MORNING)));

		this.delivery.deliver(this.reminder);

		verifyNoInteractions(this.sms);
		assertThat(stored(ContactChannel.SMS).failureReason()).isEqualTo(FailureReason.OPTED_OUT);
	}

	@Test
	void personWhoOptedOutDuringQuietHoursGetsNothingAtSeven() {
		ana(ContactChannel.SMS);
		this.clock.set(panama(2026, 8, 4, 22, 0));
		this.delivery.deliver(this.reminder);
		given(this.recipients.find("case-1")).willReturn(Optional
			.of(new Recipient("case-1", "es", ContactChannel.SMS, "+50760001234", null, true, true, MORNING)));

		this.clock.set(panama(2026, 8, 5, 7, 0));
		this.delivery.sendDue(10);

		verifyNoInteractions(this.sms);
		assertThat(stored(ContactChannel.SMS).failureReason()).isEqualTo(FailureReason.OPTED_OUT);
	}

	@Test
	void personWithoutAnAddressOnTheirChannelGetsNothingAndTheFailureIsRecorded() {
		given(this.recipients.find("case-1")).willReturn(
				Optional.of(new Recipient("case-1", "es", ContactChannel.EMAIL, null, null, true, false, MORNING)));

		this.delivery.deliver(this.reminder);

		verifyNoInteractions(this.mail, this.sms);
		assertThat(stored(ContactChannel.EMAIL).failureReason()).isEqualTo(FailureReason.NO_ADDRESS);
	}

	@Test
	void smtpFailureIsRetriedLaterAndKeepsTheAddressOutOfTheRecord() {
		ana(ContactChannel.EMAIL);
		willThrow(new MailSendException("550 <ana.prueba@example.org> unknown")).given(this.mail)
			.send(anyString(), any());

		this.delivery.deliver(this.reminder);

		Notification deferred = stored(ContactChannel.EMAIL);
		assertThat(deferred.status()).isEqualTo(Notification.Status.DEFERRED);
		assertThat(deferred.providerCode()).isEqualTo("MailSendException").doesNotContain("ana.prueba");
	}

	@Test
	void givingUpOnAnUnknownCaseRecordsItOnSms() {
		given(this.recipients.find("case-1")).willReturn(Optional.empty());

		this.delivery.giveUp(this.reminder, FailureReason.UNKNOWN_RECIPIENT);

		assertThat(stored(ContactChannel.SMS).failureReason()).isEqualTo(FailureReason.UNKNOWN_RECIPIENT);
	}

	@Test
	void deliveryReportMarksTheNotificationDeliveredOnce() {
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willReturn(new SmsReceipt("twilio", 2, List.of("SM1")));
		this.delivery.deliver(this.reminder);

		DeliveryReport report = new DeliveryReport("twilio", "SM1", DeliveryReport.Outcome.DELIVERED, null, MORNING);
		this.delivery.onReport(report);
		this.delivery.onReport(report);

		Notification delivered = stored(ContactChannel.SMS);
		assertThat(delivered.status()).isEqualTo(Notification.Status.DELIVERED);
		assertThat(events(delivered)).filteredOn(NotificationDelivered.class::isInstance).hasSize(1);
	}

	@Test
	void undeliveredReminderOfAnAppealIsEscalated() {
		ReminderDue appeal = reminder("APPEAL", LocalDate.of(2026, 8, 7), MORNING);
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willReturn(new SmsReceipt("twilio", 2, List.of("SM1")));
		given(this.escalations.escalate(any())).willReturn(true);
		this.delivery.deliver(appeal);

		this.delivery
			.onReport(new DeliveryReport("twilio", "SM1", DeliveryReport.Outcome.UNDELIVERED, "30003", MORNING));

		Notification failed = this.notifications.find(appeal.reminderId() + ":SMS").orElseThrow();
		assertThat(failed.failureReason()).isEqualTo(FailureReason.UNDELIVERED);
		assertThat(failed.providerCode()).isEqualTo("30003");
		assertThat(failed.escalation()).isEqualTo(Notification.Escalation.SENT);
		verify(this.escalations).escalate(any());
	}

	@Test
	void countsEachStepOfTheDeliveryAndTheCriticalFailureWithoutPersonalData() {
		ReminderDue appeal = reminder("APPEAL", LocalDate.of(2026, 8, 7), MORNING);
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willReturn(new SmsReceipt("twilio", 2, List.of("SM1")));
		given(this.escalations.escalate(any())).willReturn(true);
		this.delivery.deliver(appeal);
		this.delivery
			.onReport(new DeliveryReport("twilio", "SM1", DeliveryReport.Outcome.UNDELIVERED, "30003", MORNING));

		assertThat(this.meters.get(NotifyMetrics.DELIVERIES)
			.tags("channel", "sms", "provider", "twilio", "outcome", "sent")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meters.get(NotifyMetrics.DELIVERIES)
			.tags("channel", "sms", "provider", "twilio", "outcome", "undelivered")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meters.get(NotifyMetrics.SMS_SEGMENTS).tags("provider", "twilio").counter().count())
			.isEqualTo(2);
		assertThat(this.meters.get(NotifyMetrics.CRITICAL_FAILURES).tags("channel", "sms").counter().count())
			.isEqualTo(1);
		assertThat(this.meters.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags().toString())
			.doesNotContain("+50760001234", "ana.prueba", "case-1"));
	}

	@Test
	void failedReminderOnTheLastDayIsEscalatedAndRetriedByThePollerUntilTheEmailGoes() {
		ReminderDue lastDay = reminder("FILING_WINDOW", LocalDate.of(2026, 8, 4), MORNING);
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willThrow(new SmsNotSent(SmsNotSent.Kind.PERMANENT, "twilio", "21614"));
		given(this.escalations.escalate(any())).willReturn(false).willReturn(true);

		this.delivery.deliver(lastDay);
		assertThat(this.notifications.pendingEscalations(10)).hasSize(1);
		this.delivery.escalatePending(10);

		assertThat(this.notifications.pendingEscalations(10)).isEmpty();
		verify(this.escalations, times(2)).escalate(any());
	}

	@Test
	void failedReminderOfALongTermBeforeItsLastDayIsNotEscalated() {
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willThrow(new SmsNotSent(SmsNotSent.Kind.PERMANENT, "twilio", "21614"));

		this.delivery.deliver(this.reminder);

		verify(this.escalations, never()).escalate(any());
		assertThat(stored(ContactChannel.SMS).escalation()).isEqualTo(Notification.Escalation.NONE);
	}

	@Test
	void reminderSentAfterItsTermEndedIsAnUrgentAlert() {
		ana(ContactChannel.SMS);
		given(this.sms.send(any())).willReturn(new SmsReceipt("twilio", 2, List.of("SM1")));
		ReminderDue late = reminder("FILING_WINDOW", LocalDate.of(2026, 8, 3), MORNING);

		this.delivery.deliver(late);

		verify(this.sms).send(org.mockito.ArgumentMatchers.argThat((SmsMessage message) -> message.text()
			.startsWith("Plazo URGENTE: Solicitud de refugio. El plazo termino el lunes, 3 de agosto de 2026")));
	}

	private void ana(ContactChannel channel) {
		given(this.recipients.find("case-1")).willReturn(Optional.of(new Recipient("case-1", "es", channel,
				"+50760001234", "ana.prueba@example.org", true, false, MORNING)));
	}

	private Notification stored(ContactChannel channel) {
		return this.notifications.find(Notification.idOf(this.reminder.reminderId(), channel)).orElseThrow();
	}

	private static List<Object> events(Notification notification) {
		return notification.outbox().stream().map(PendingEvent::event).map(Object.class::cast).toList();
	}

	private static SmsNotSent transientFailure() {
		return new SmsNotSent(SmsNotSent.Kind.TRANSIENT, "twilio", "HTTP_503");
	}

	private static Instant panama(int year, int month, int day, int hour, int minute) {
		return LocalDate.of(year, month, day).atTime(hour, minute).atZone(PANAMA).toInstant();
	}

	static ReminderDue reminder(String kind, LocalDate lastDay, Instant scheduledFor) {
		Instant closes = lastDay.atTime(16, 0).atZone(PANAMA).toInstant();
		return new ReminderDue("case-1", "case-1:" + kind + ":P-30D", "case-1:" + kind, kind, lastDay, closes,
				"Decreto Ejecutivo 5 de 2018, art. 30", scheduledFor);
	}

}
