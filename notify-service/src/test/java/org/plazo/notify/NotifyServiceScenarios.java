package org.plazo.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.events.notifications.NotificationSent;
import org.bson.Document;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.notifications.OptOutRecorded;
import org.plazo.events.notifications.SelfRegistrationConfirmed;
import org.plazo.notify.conversations.TwoWaySms;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.recipients.RecipientDirectory;
import org.plazo.notify.sms.InboundSms;
import org.plazo.notify.testing.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

/**
 * The service end to end, through Kafka, MongoDB, the dev SMS outbox and SMTP. Subclasses
 * say which Kafka and MongoDB: embedded, or real ones in containers.
 */
@SpringBootTest(properties = { "plazo.notify.retry.interval=PT0.1S", "plazo.notify.retry.deferred-for=PT5S",
		"plazo.notify.deferred.poll-interval=PT0.2S",
		"plazo.notify.escalation.email=" + NotifyServiceScenarios.ESCALATION })
@Import(NotifyServiceScenarios.MovableClock.class)
abstract class NotifyServiceScenarios {

	static final String ESCALATION = "casos@ong.example.org";

	/** 10:00 in Panama. */
	static final Instant MORNING = Instant.parse("2026-08-04T15:00:00Z");

	private static final ZoneId PANAMA = ZoneId.of("America/Panama");

	// Like the cached application context that sends to it, it lives as long as the JVM.
	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final Path smsOutbox;

	static {
		smtp.start();
		try {
			smsOutbox = Files.createTempDirectory("plazo-sms").resolve("outbox.jsonl");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final String DECREE = "Decreto Ejecutivo 5 de 2018, art. 30";

	private static final LocalDate LAST_DAY = LocalDate.of(2026, 9, 3);

	private final EventCodec codec = new EventCodec();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private KafkaTemplate<String, CloudEvent> kafka;

	@Autowired
	private KafkaConnectionDetails kafkaConnection;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@MockitoSpyBean
	private RecipientDirectory recipients;

	@Autowired
	private MutableClock clock;

	@Autowired
	private TwoWaySms conversations;

	@Autowired
	private MongoOperations mongo;

	@Autowired
	private MeterRegistry meters;

	private KafkaTopicReader notificationEvents;

	private KafkaTopicReader deadLetters;

	@DynamicPropertySource
	static void deliveryProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("plazo.sms.dev.outbox", smsOutbox::toString);
	}

	@BeforeEach
	void listenersAreConsuming() {
		this.clock.set(MORNING);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.listeners.getListenerContainers()
				.stream()
				.allMatch((container) -> !container.getAssignedPartitions().isEmpty()));
		this.notificationEvents = new KafkaTopicReader(this.kafkaConnection.getBootstrapServers(),
				Topics.NOTIFICATION_EVENTS);
		this.deadLetters = new KafkaTopicReader(this.kafkaConnection.getBootstrapServers(),
				Topics.deadLetter(Topics.DEADLINE_EVENTS));
	}

	@AfterEach
	void closeReaders() {
		this.notificationEvents.close();
		this.deadLetters.close();
	}

	@Test
	void deliversASpanishSmsNamingTheLastDayAndPublishesNotificationSent() {
		String caseId = newCaseId();
		publish(caseOpened(caseId, ContactChannel.SMS, "es", true));
		publish(reminderDue(caseId, "P-30D"));

		await().untilAsserted(() -> assertThat(this.notificationEvents.events(caseId)).singleElement()
			.isInstanceOfSatisfying(NotificationSent.class,
					(sent) -> assertThat(sent).usingRecursiveComparison()
						.ignoringFields("sentAt")
						.isEqualTo(new NotificationSent(caseId, caseId + ":FILING_WINDOW:P-30D:SMS",
								caseId + ":FILING_WINDOW:P-30D", "SMS", "dev-outbox", 2, Instant.EPOCH))));
		assertThat(smsTo(caseId)).singleElement().satisfies((sms) -> {
			assertThat(sms.get("to").asString()).isEqualTo("+50760001234");
			assertThat(sms.get("text").asString()).startsWith("Plazo: su ultimo dia para pedir refugio")
				.contains("jueves, 3 de septiembre de 2026, hasta las 16:00")
				.contains(DECREE)
				.contains("BAJA");
		});
	}

	@Test
	void deliversOneEmailInEnglishWithTextAndHtml() throws Exception {
		String caseId = newCaseId();
		// An address of its own: the SMTP server outlives this test class.
		String address = "ana.prueba+" + caseId + "@example.org";
		publish(new CaseOpened(caseId, LocalDate.of(2026, 3, 2), "en", ContactChannel.EMAIL, "+50760001234", address,
				true, 0, Instant.parse("2026-03-02T15:00:00Z")));
		publish(reminderDue(caseId, "P-30D"));

		await().untilAsserted(() -> assertThat(this.notificationEvents.events(caseId)).singleElement()
			.isInstanceOfSatisfying(NotificationSent.class, (sent) -> {
				assertThat(sent.channel()).isEqualTo("EMAIL");
				assertThat(sent.provider()).isEqualTo("smtp");
			}));
		List<MimeMessage> emails = emailsTo(address);
		assertThat(emails).hasSize(1);
		MimeMessage email = emails.get(0);
		assertThat(email.getSubject()).isEqualTo("Your last day to apply for asylum in Panama: September 3, 2026");
		assertThat(email.getHeader("Content-Language")).containsExactly("en");
		assertThat(textPart(email, "text/plain")).contains("Thursday, September 3, 2026")
			.contains("ONPAR")
			.contains(DECREE)
			.contains("STOP");
		assertThat(textPart(email, "text/html")).contains("<html lang=\"en\">")
			.contains("<p>Your last day to file your application for asylum in Panama is Thursday, September 3, 2026");
		assertThat(smsTo(caseId)).isEmpty();
	}

	@Test
	void sameReminderFiveTimesSendsOneMessage() {
		String caseId = newCaseId();
		publish(caseOpened(caseId, ContactChannel.SMS, "es", true));
		for (int i = 0; i < 5; i++) {
			publish(reminderDue(caseId, "P-30D"));
		}
		// Events of a case stay in order: once the next reminder is out, the copies were
		// read.
		publish(reminderDue(caseId, "P-7D"));

		await().untilAsserted(() -> assertThat(smsTo(caseId)).hasSize(2));
		assertThat(smsTo(caseId)).extracting((sms) -> sms.get("notificationId").asString())
			.containsExactly(caseId + ":FILING_WINDOW:P-30D:SMS", caseId + ":FILING_WINDOW:P-7D:SMS");
		await().untilAsserted(() -> assertThat(this.notificationEvents.events(caseId)).hasSize(2));
	}

	@Test
	void malformedRecordsGoToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
		String caseId = newCaseId();
		publish(caseOpened(caseId, ContactChannel.SMS, "es", true));
		double counted = deadLettersCounted();
		byte[] notACloudEvent = "{\"reminderId\":".getBytes(StandardCharsets.UTF_8);
		publishRaw(Topics.DEADLINE_EVENTS, caseId, notACloudEvent);
		CloudEvent unreadableData = CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withType("org.plazo.reminder.due.v1")
			.withSource(URI.create("urn:plazo:deadline-service"))
			.withSubject(caseId)
			.withData(EventCodec.JSON, "{\"caseId\": 42".getBytes(StandardCharsets.UTF_8))
			.build();
		this.kafka.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS, caseId, unreadableData)).join();
		publish(reminderDue(caseId, "P-30D"));

		await().untilAsserted(() -> assertThat(smsTo(caseId)).hasSize(1));
		await().untilAsserted(() -> assertThat(this.deadLetters.records(caseId)).hasSize(2));
		List<ConsumerRecord<String, byte[]>> dead = this.deadLetters.records(caseId);
		assertThat(dead.get(0).value()).isEqualTo(notACloudEvent);
		assertThat(dead.get(1).headers().headers("ce_id")).singleElement()
			.satisfies((id) -> assertThat(new String(id.value(), StandardCharsets.UTF_8))
				.isEqualTo(unreadableData.getId()));
		assertThat(dead.get(1).value()).isEqualTo("{\"caseId\": 42".getBytes(StandardCharsets.UTF_8));
		assertThat(deadLettersCounted()).isEqualTo(counted + 2);
	}

	private double deadLettersCounted() {
		return this.meters.get(NotifyMetrics.DEAD_LETTERS)
			.tag("topic", Topics.deadLetter(Topics.DEADLINE_EVENTS))
			.counter()
			.count();
	}

	@Test
	void personWithoutConsentGetsNothingAndTheFailureIsRecorded() {
		String caseId = newCaseId();
		publish(caseOpened(caseId, ContactChannel.SMS, "es", false));
		publish(reminderDue(caseId, "P-30D"));

		await().untilAsserted(() -> assertThat(this.notificationEvents.events(caseId)).singleElement()
			.isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
				assertThat(failed.reason()).isEqualTo("NO_CONSENT");
				assertThat(failed.permanent()).isTrue();
				assertThat(failed.reminderId()).isEqualTo(caseId + ":FILING_WINDOW:P-30D");
			}));
		assertThat(smsTo(caseId)).isEmpty();
	}

	@Test
	void reminderArrivingBeforeItsCaseIsDeliveredOnceTheCaseIsKnown() {
		String caseId = newCaseId();
		publish(reminderDue(caseId, "P-30D"));
		await().untilAsserted(() -> verify(this.recipients, atLeastOnce()).find(caseId));
		publish(caseOpened(caseId, ContactChannel.SMS, "es", true));

		await().untilAsserted(() -> assertThat(smsTo(caseId)).hasSize(1));
	}

	@Test
	void reminderForACaseThatNeverArrivesIsRecordedAsFailed() {
		String caseId = newCaseId();
		publish(reminderDue(caseId, "P-30D"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.notificationEvents.events(caseId)).singleElement()
				.isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
					assertThat(failed.reason()).isEqualTo("UNKNOWN_RECIPIENT");
					assertThat(failed.permanent()).isFalse();
				}));
	}

	@Test
	void smsDueAtTenAtNightIsSentAtSevenTheNextMorningWithoutHoldingTheConsumer() {
		this.clock.set(panama(2026, 8, 4, 22, 0));
		String caseId = newCaseId();
		String late = newCaseId();
		publish(caseOpened(caseId, ContactChannel.SMS, "es", true));
		publish(reminderDue(caseId, "P-30D"));
		await().untilAsserted(
				() -> assertThat(notification(caseId + ":FILING_WINDOW:P-30D:SMS")).containsEntry("status", "DEFERRED")
					.containsEntry("deferredFor", "QUIET_HOURS"));

		// The partition is not held: an email reminder of another case goes out at once.
		publish(new CaseOpened(late, LocalDate.of(2026, 3, 2), "es", ContactChannel.EMAIL, "+50760001234",
				"ana.prueba+" + late + "@example.org", true, 0, MORNING));
		publish(reminderDue(late, "P-30D"));
		await().untilAsserted(() -> assertThat(this.notificationEvents.events(late)).hasSize(1));
		assertThat(smsTo(caseId)).isEmpty();

		this.clock.set(panama(2026, 8, 5, 6, 59));
		assertThat(smsTo(caseId)).isEmpty();
		this.clock.set(panama(2026, 8, 5, 7, 0));
		await().untilAsserted(() -> assertThat(smsTo(caseId)).hasSize(1));
		assertThat(smsTo(caseId).get(0).get("sentAt").asString()).isEqualTo("2026-08-05T12:00:00Z");
		await().untilAsserted(() -> assertThat(this.notificationEvents.events(caseId)).singleElement()
			.isInstanceOf(NotificationSent.class));
	}

	@Test
	void selfRegistrationBySmsIsConfirmedAndPublished() {
		String phone = newPhone();

		texts(phone, "REGISTRO 15/03/2026");
		await().untilAsserted(() -> assertThat(smsToPhone(phone)).singleElement()
			.satisfies((reply) -> assertThat(reply.get("text").asString())
				.startsWith("Plazo: ¿llego a Panama el 15 de marzo de 2026?")));
		texts(phone, "si");

		await().untilAsserted(() -> assertThat(this.notificationEvents.allEvents())
			.filteredOn(SelfRegistrationConfirmed.class::isInstance)
			.map(SelfRegistrationConfirmed.class::cast)
			.filteredOn((event) -> event.phone().equals(phone))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.arrivalDate()).isEqualTo(LocalDate.of(2026, 3, 15));
				assertThat(event.preferredLanguage()).isEqualTo("es");
				assertThat(UUID.fromString(event.caseId())).isNotNull();
			}));
		assertThat(smsToPhone(phone)).hasSize(2);
	}

	@Test
	void stopBySmsIsRecordedAndHonoured() {
		String caseId = newCaseId();
		String phone = newPhone();
		publish(new CaseOpened(caseId, LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, phone, null, true, 0,
				MORNING));
		await().untilAsserted(() -> assertThat(this.recipients.find(caseId)).isPresent());

		texts(phone, "BAJA");
		await().untilAsserted(() -> assertThat(this.notificationEvents.events(caseId)).singleElement()
			.isEqualTo(new OptOutRecorded(caseId, "SMS", "BAJA", MORNING)));
		publish(reminderDue(caseId, "P-30D"));

		await().untilAsserted(() -> assertThat(this.notificationEvents.events(caseId)).hasSize(2)
			.last()
			.isInstanceOfSatisfying(NotificationFailed.class,
					(failed) -> assertThat(failed.reason()).isEqualTo("OPTED_OUT")));
		assertThat(smsTo(caseId)).isEmpty();
		assertThat(smsToPhone(phone)).singleElement()
			.satisfies(
					(reply) -> assertThat(reply.get("text").asString()).startsWith("Plazo: no recibira mas mensajes."));
	}

	@Test
	void plazoIsAnsweredFromTheDeadlineStream() {
		String caseId = newCaseId();
		String phone = newPhone();
		publish(new CaseOpened(caseId, LocalDate.of(2026, 3, 2), "en", ContactChannel.SMS, phone, null, true, 0,
				MORNING));
		publish(new DeadlineScheduled(caseId, caseId + ":FILING_WINDOW", "FILING_WINDOW", LAST_DAY,
				Instant.parse("2026-09-03T21:00:00Z"), "filing-window", "2026.1", DECREE));
		await()
			.untilAsserted(() -> assertThat(this.mongo.findById(caseId, Document.class, "case_deadlines")).isNotNull());
		await().untilAsserted(() -> assertThat(this.recipients.find(caseId)).isPresent());

		texts(phone, "NEXT");

		await().untilAsserted(() -> assertThat(smsToPhone(phone)).singleElement()
			.satisfies((reply) -> assertThat(reply.get("text").asString()).isEqualTo(
					"Plazo: your next deadline: Asylum application. Last day: Thursday, September 3, 2026, by 4:00 PM. "
							+ "Reply HELP to see the options.")));
	}

	@Test
	void failedReminderOfAnAppealIsEscalatedByEmail() throws Exception {
		String caseId = newCaseId();
		publish(caseOpened(caseId, ContactChannel.SMS, "es", false));
		String deadlineId = caseId + ":APPEAL";
		publish(new ReminderDue(caseId, deadlineId + ":P-1D", deadlineId, "APPEAL", LocalDate.of(2026, 8, 7),
				Instant.parse("2026-08-07T21:00:00Z"), "Ley 38 de 2000, art. 67", MORNING));

		await()
			.untilAsserted(() -> assertThat(emailsTo(ESCALATION)).anySatisfy((email) -> assertThat(email.getSubject())
				.isEqualTo("Plazo: un recordatorio no llegó (caso " + caseId + ", Apelación)")));
		await().untilAsserted(
				() -> assertThat(notification(deadlineId + ":P-1D:SMS")).containsEntry("escalation", "SENT"));
	}

	private void texts(String phone, String text) {
		// As the Twilio webhook or an SMPP deliver_sm would hand it on.
		this.conversations.onInbound(new InboundSms("test", phone, text, this.clock.instant()));
	}

	private Document notification(String id) {
		Document found = this.mongo.findById(id, Document.class, "notifications");
		return (found != null) ? found : new Document();
	}

	private static String newPhone() {
		return "+5076" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
	}

	private static Instant panama(int year, int month, int day, int hour, int minute) {
		return LocalDate.of(year, month, day).atTime(hour, minute).atZone(PANAMA).toInstant();
	}

	private List<JsonNode> smsToPhone(String phone) {
		return outboxLines().stream().filter((line) -> phone.equals(line.get("to").asString())).toList();
	}

	private static String newCaseId() {
		return "case-" + UUID.randomUUID();
	}

	private static CaseOpened caseOpened(String caseId, ContactChannel channel, String language, boolean consent) {
		return new CaseOpened(caseId, LocalDate.of(2026, 3, 2), language, channel, "+50760001234",
				"ana.prueba@example.org", consent, 1, Instant.parse("2026-03-02T15:00:00Z"));
	}

	private static ReminderDue reminderDue(String caseId, String offset) {
		String deadlineId = caseId + ":FILING_WINDOW";
		return new ReminderDue(caseId, deadlineId + ":" + offset, deadlineId, "FILING_WINDOW", LAST_DAY,
				Instant.parse("2026-09-03T21:00:00Z"), DECREE, Instant.parse("2026-08-04T12:00:00Z"));
	}

	private void publish(PlazoEvent event) {
		String topic = (event instanceof CaseOpened) ? Topics.CASE_EVENTS : Topics.DEADLINE_EVENTS;
		// Real time on the wire: the movable clock is the service's domain time only.
		CloudEvent cloudEvent = this.codec.toCloudEvent(event, URI.create("urn:plazo:test"),
				UUID.randomUUID().toString(), Instant.now().atOffset(ZoneOffset.UTC));
		this.kafka.send(new ProducerRecord<>(topic, event.caseId(), cloudEvent)).join();
	}

	private void publishRaw(String topic, String key, byte[] value) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
						String.join(",", this.kafkaConnection.getBootstrapServers())),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value));
		}
	}

	private List<JsonNode> smsTo(String caseId) {
		return outboxLines().stream()
			// Reminders only: replies to what people text are not notifications.
			.filter((line) -> !line.get("notificationId").asString().startsWith("reply:"))
			.filter((line) -> line.hasNonNull("caseId") && caseId.equals(line.get("caseId").asString()))
			.toList();
	}

	private List<JsonNode> outboxLines() {
		if (!Files.exists(smsOutbox)) {
			return List.of();
		}
		try {
			return Files.readAllLines(smsOutbox).stream().map(this.json::readTree).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<MimeMessage> emailsTo(String address) throws MessagingException {
		List<MimeMessage> emails = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (List.of(message.getRecipients(Message.RecipientType.TO)).contains(new InternetAddress(address))) {
				emails.add(message);
			}
		}
		return emails;
	}

	/**
	 * The service's clock, moved by the scenarios.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {

		@Bean
		@Primary
		MutableClock clock() {
			return new MutableClock(MORNING);
		}

	}

	private static String textPart(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String text = textPart(body, mimeType);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

}
