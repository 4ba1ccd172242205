package org.plazo.notify.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.notify.email.MailDelivery;
import org.plazo.notify.messages.ReminderMessages;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.outbox.EventOutbox;
import org.plazo.notify.privacy.PrivacyFixtures;
import org.plazo.notify.recipients.Recipient;
import org.plazo.notify.recipients.RecipientDirectory;
import org.plazo.notify.sms.SmsFixtures;
import org.plazo.notify.sms.twilio.TwilioFixtures;
import org.plazo.notify.testing.MongoStandIn;
import org.plazo.notify.testing.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Exactly one SMS per reminder, counted where it matters: requests reaching Twilio
 * (WireMock), with the claims on the MongoDB-wire stand-in.
 */
class ExactlyOnceDeliveryTests {

	private static final String MESSAGES = "/2010-04-01/Accounts/" + TwilioFixtures.ACCOUNT_SID + "/Messages.json";

	private static final Instant MORNING = Instant.parse("2026-08-04T15:00:00Z");

	private final WireMockServer twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private final MongoStandIn mongo = new MongoStandIn();

	private final MutableClock clock = new MutableClock(MORNING);

	private final RecipientDirectory recipients = mock();

	private ReminderDelivery delivery;

	@BeforeEach
	void start() {
		this.twilio.start();
		this.twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			// Slow enough for the second delivery to arrive while the first is sending.
			.withFixedDelay(200)
			.withBody("{\"sid\":\"SM0123\",\"status\":\"queued\",\"num_segments\":\"2\"}")));
		this.delivery = new ReminderDelivery(this.recipients, new Notifications(this.mongo.template()),
				new MessageRefs(this.mongo.template()), mock(EventOutbox.class),
				ReminderMessages.withPlaceholderLegalAid(),
				SmsFixtures.gateway(TwilioFixtures.twilio(this.twilio.baseUrl(), this.clock, 100, 100), null),
				mock(MailDelivery.class), mock(Escalations.class), this.clock, Duration.ofMinutes(5),
				new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0)),
				new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6), () -> 0.5),
				new NotifyMetrics(new SimpleMeterRegistry()), PrivacyFixtures.erased(this.mongo.template()));
		given(this.recipients.find("case-1")).willReturn(Optional
			.of(new Recipient("case-1", "es", ContactChannel.SMS, "+50760001234", null, true, false, MORNING)));
	}

	@AfterEach
	void stop() {
		this.twilio.stop();
		this.mongo.close();
	}

	@Test
	void sameReminderFiveTimesSendsOneSms() {
		ReminderDue reminder = reminder();

		for (int i = 0; i < 5; i++) {
			this.delivery.deliver(reminder);
		}

		this.twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void sameReminderDeliveredByTwoConsumersAtOnceSendsOneSms() throws Exception {
		ReminderDue reminder = reminder();
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService consumers = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> deliveries = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				deliveries.add(consumers.submit(() -> {
					ready.countDown();
					go.await();
					this.delivery.deliver(reminder);
					return null;
				}));
			}
			ready.await(5, TimeUnit.SECONDS);
			go.countDown();
			for (Future<?> delivery : deliveries) {
				delivery.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			consumers.shutdownNow();
		}

		this.twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
		// Then three more redeliveries, as Kafka may do after a rebalance.
		for (int i = 0; i < 3; i++) {
			this.delivery.deliver(reminder);
		}
		this.twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	private static ReminderDue reminder() {
		LocalDate lastDay = LocalDate.of(2026, 9, 3);
		return new ReminderDue("case-1", "case-1:FILING_WINDOW:P-30D", "case-1:FILING_WINDOW", "FILING_WINDOW", lastDay,
				Instant.parse("2026-09-03T21:00:00Z"), "Decreto Ejecutivo 5 de 2018, art. 30", MORNING);
	}

}
