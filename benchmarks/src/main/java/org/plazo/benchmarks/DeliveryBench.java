package org.plazo.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cloudevents.CloudEvent;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.plazo.events.EventCodec;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.deadlines.ReminderDue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Notifications through notify-service: ReminderDue in, until the provider accepted the
 * message. Email goes to a local SMTP server (GreenMail); SMS to Twilio's API on a local
 * WireMock when notify-service has the Twilio adapter, otherwise to the dev SMS outbox
 * file. Half the people chose SMS, half email.
 */
final class DeliveryBench {

	private static final Instant NOW = DispatchBench.T0;

	private final KafkaRig kafka;

	private final EventCodec codec = new EventCodec();

	private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();

	private final Map<String, Long> acceptedNanos = new ConcurrentHashMap<>();

	DeliveryBench(KafkaRig kafka) {
		this.kafka = kafka;
	}

	void run(MongoStandIn mongo, int people, Duration limit, Path work, Results results) throws Exception {
		boolean twilio = isPresent("org.plazo.notify.sms.twilio.TwilioSms");
		BenchClock clock = new BenchClock(NOW);
		Path outbox = work.resolve("sms-outbox.jsonl");
		Files.deleteIfExists(outbox);
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		WireMockServer http = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.globalTemplating(true)
			.containerThreads(20));
		http.start();
		http.stubFor(WireMock.post(WireMock.urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
			.willReturn(WireMock.aResponse()
				.withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\":\"SM{{randomValue length=32 type='ALPHANUMERIC'}}\",\"status\":\"queued\","
						+ "\"num_segments\":\"2\"}")));
		http.addMockServiceRequestListener((request, response) -> {
			String to = request.formParameters().containsKey("To") ? request.formParameter("To").firstValue() : null;
			if (to != null) {
				this.acceptedNanos.putIfAbsent("sms:" + to, System.nanoTime());
			}
		});
		Thread mailWatch = watchMail(smtp);
		List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + this.kafka.bootstrapServers(),
				"--spring.mongodb.uri=" + mongo.uri("plazo-notify-bench"), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.getSmtp().getPort(), "--plazo.sms.dev.outbox=" + outbox,
				"--plazo.sms.provider=" + (twilio ? "twilio" : "dev")));
		if (twilio) {
			args.addAll(List.of("--plazo.sms.twilio.api-url=http://127.0.0.1:" + http.port(),
					"--plazo.sms.twilio.account-sid=ACbenchmark", "--plazo.sms.twilio.auth-token=benchmark",
					"--plazo.sms.twilio.from=+15005550006", "--plazo.sms.twilio.messaging-service-sid=",
					"--plazo.sms.twilio.public-url=", "--plazo.sms.twilio.connect-timeout=PT5S",
					"--plazo.sms.twilio.read-timeout=PT10S", "--plazo.sms.twilio.segments-per-second=1000000000",
					"--plazo.sms.twilio.burst=1000000000"));
		}
		try (KafkaProducer<String, CloudEvent> producer = this.kafka.cloudEventProducer();
				ConfigurableApplicationContext context = Services.start(Services.NOTIFY_SERVICE, clock, args)) {
			// Everyone's CaseOpened first, so no reminder waits for its recipient.
			for (int i = 0; i < people * 2; i++) {
				send(producer, Topics.CASE_EVENTS, opened(i));
			}
			producer.flush();
			long deadline = System.nanoTime() + limit.toNanos();
			while (this.kafka.lag("notify-service", Topics.CASE_EVENTS) > 0 && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			// Throughput: the first half of the people, all reminders at once.
			List<String> burst = new ArrayList<>();
			for (int i = 0; i < people; i++) {
				burst.add(sendReminder(producer, i));
			}
			producer.flush();
			long start = this.sentNanos.get(burst.get(0));
			awaitAccepted(burst, twilio, outbox, clock, deadline);
			long done = burst.stream().filter(this.acceptedNanos::containsKey).count();
			long last = burst.stream()
				.filter(this.acceptedNanos::containsKey)
				.mapToLong(this.acceptedNanos::get)
				.max()
				.orElse(start);
			double rate = done / ((last - start) / 1e9);
			results.put("delivery_per_s", rate, "notifications/s", "", people + " ReminderDue at once, half SMS ("
					+ (twilio ? "Twilio adapter to a local WireMock"
							: "dev SMS outbox file; notify-service had no Twilio adapter")
					+ "), half email (GreenMail)"
					+ ((done < people) ? "; INCOMPLETE: " + done + " accepted in the time limit" : ""));
			// Latency: the other half, paced at half that rate.
			double paced = Math.max(5, rate * 0.5);
			List<String> calm = new ArrayList<>();
			long begin = System.nanoTime();
			int calmCount = (int) Math.min(people, Math.max(5, paced * 30));
			for (int i = people; i < people + calmCount; i++) {
				long due = begin + (long) ((i - people) * 1e9 / paced);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				calm.add(sendReminder(producer, i));
				producer.flush();
			}
			awaitAccepted(calm, twilio, outbox, clock, System.nanoTime() + limit.toNanos());
			Stats latency = Stats.of(calm.stream()
				.filter(this.acceptedNanos::containsKey)
				.map((id) -> (this.acceptedNanos.get(id) - this.sentNanos.get(id)) / 1e6)
				.toList());
			results.put("delivery_paced_rate_per_s", paced, "notifications/s", "",
					"offered load for the latency figures: half the measured throughput");
			results.put("delivery_p50_ms", latency.percentile(50), "ms", "",
					"ReminderDue sent to provider accept (SMTP message received / SMS API request received)");
			results.put("delivery_p99_ms", latency.percentile(99), "ms", "", "same, 99th percentile");
		}
		finally {
			mailWatch.interrupt();
			smtp.stop();
			http.stop();
			Reminders.drop(mongo.uri("plazo-notify-bench"), "plazo-notify-bench");
		}
	}

	private Thread watchMail(GreenMail smtp) {
		Thread thread = new Thread(() -> {
			int seen = 0;
			while (!Thread.currentThread().isInterrupted()) {
				MimeMessage[] messages = smtp.getReceivedMessages();
				long now = System.nanoTime();
				for (int i = seen; i < messages.length; i++) {
					try {
						for (Address to : messages[i].getAllRecipients()) {
							this.acceptedNanos.putIfAbsent("mail:" + to.toString(), now);
						}
					}
					catch (Exception ex) {
						// not a reminder
					}
				}
				seen = messages.length;
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "watch-mail");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private void awaitAccepted(List<String> keys, boolean twilio, Path outbox, BenchClock clock, long deadline)
			throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		while (System.nanoTime() < deadline) {
			if (!twilio && Files.exists(outbox)) {
				// The dev adapter writes the accept instant (benchmark clock) on each
				// line.
				for (String line : Files.readAllLines(outbox)) {
					JsonNode sms = json.readTree(line);
					Instant sentAt = Instant.parse(sms.get("sentAt").asString());
					long nanos = System.nanoTime() - Duration.between(sentAt, clock.instant()).toNanos();
					this.acceptedNanos.putIfAbsent("sms:" + sms.get("to").asString(), nanos);
				}
			}
			if (keys.stream().allMatch(this.acceptedNanos::containsKey)) {
				return;
			}
			Thread.sleep(50);
		}
	}

	private static CaseOpened opened(int i) {
		boolean sms = i % 2 == 0;
		return new CaseOpened(caseId(i), LocalDate.of(2026, 3, 2), (i % 3 == 0) ? "en" : "es",
				sms ? ContactChannel.SMS : ContactChannel.EMAIL, phone(i), sms ? null : email(i), true, 0,
				NOW.minus(Duration.ofDays(120)));
	}

	private String sendReminder(KafkaProducer<String, CloudEvent> producer, int i) {
		String caseId = caseId(i);
		ReminderDue due = new ReminderDue(caseId, caseId + ":FILING_WINDOW:remind:" + NOW, caseId + ":FILING_WINDOW",
				"FILING_WINDOW", LocalDate.of(2026, 7, 20), Instant.parse("2026-07-20T21:00:00Z"),
				Reminders.LEGAL_BASIS, NOW);
		String key = (i % 2 == 0) ? "sms:" + phone(i) : "mail:" + email(i);
		this.sentNanos.put(key, System.nanoTime());
		send(producer, Topics.DEADLINE_EVENTS, due, due.reminderId());
		return key;
	}

	private void send(KafkaProducer<String, CloudEvent> producer, String topic, CaseOpened opened) {
		send(producer, topic, opened, java.util.UUID.randomUUID().toString());
	}

	private void send(KafkaProducer<String, CloudEvent> producer, String topic, org.plazo.events.PlazoEvent event,
			String id) {
		CloudEvent cloudEvent = this.codec.toCloudEvent(event,
				URI.create(topic.equals(Topics.CASE_EVENTS) ? "urn:plazo:case-service" : "urn:plazo:deadline-service"),
				id, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
		producer.send(new ProducerRecord<>(topic, event.caseId(), cloudEvent));
	}

	private static String caseId(int i) {
		return "deliv-" + i;
	}

	private static String phone(int i) {
		return "+5076" + (1_000_000 + i);
	}

	private static String email(int i) {
		return "persona" + i + "@example.org";
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className);
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
