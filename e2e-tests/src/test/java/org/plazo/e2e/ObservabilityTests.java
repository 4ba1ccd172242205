package org.plazo.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plazo.events.Topics;
import org.plazo.notify.sms.SmsSegments;
import org.plazo.stack.PlazoService;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators see: three people are registered, one of them opts out by SMS, one
 * arrival date is corrected, and time moves to their first reminders. Then the three
 * services' {@code /actuator/prometheus} must count exactly that, carry no personal data,
 * and export every metric the Grafana dashboards and the Prometheus alert rules in
 * {@code docker/} read.
 * <p>
 * The stack is shared with the other end-to-end classes, so the story happens in 2031,
 * after everything earlier tests left scheduled has fired, and the counts are the
 * differences between a scrape taken once the stack is quiet and one taken at the end.
 */
@ExtendWith(SharedStack.class)
class ObservabilityTests {

	// Mon 10 Mar 2031, 9:00 in Panama: no quiet hours.
	private static final Instant START = Instant.parse("2031-03-10T14:00:00Z");

	// After the story's first reminders (early July 2031).
	private static final Instant WARM_UP_END = Instant.parse("2031-07-20T14:00:00Z");

	private static final String SMS_PHONE = "+50760007001";

	private static final String OPTING_OUT_PHONE = "+50760007002";

	private static final String EMAIL = "peter.testcase@example.org";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

	private static Api api;

	private static Map<PlazoService, Scrape> before;

	private static Map<PlazoService, Scrape> after;

	private static final Map<String, Integer> remindersDue = new LinkedHashMap<>();

	private static final Map<String, Integer> deadlinesByKind = new TreeMap<>();

	private static String bySms;

	private static String byEmail;

	private static String optingOut;

	private static int smsSegments;

	@BeforeAll
	static void threePeopleRegisteredOneOptsOutAndTheirFirstRemindersFire() {
		api = new Api(SharedStack.stack());
		// Whatever earlier classes left due in the story's months fires now, before the
		// counts start: time runs through them once, then back to the start.
		SharedStack.stack().clock().set(START);
		awaitQuiet();
		SharedStack.stack().clock().set(WARM_UP_END);
		awaitQuiet();
		SharedStack.stack().clock().set(START);
		awaitQuiet();
		before = scrapeAll();

		bySms = api.openCase("""
				{"applicant": {"name": "Marta Prueba", "preferredLanguage": "es", "phone": "%s", "email": null,
				               "preferredChannel": "SMS", "consentToContact": true,
				               "consentNoticeVersion": "2026-11"},
				 "arrivalDate": "2031-03-03", "household": []}""".formatted(SMS_PHONE));
		byEmail = api.openCase("""
				{"applicant": {"name": "Peter Testcase", "preferredLanguage": "en", "phone": null,
				               "email": "%s", "preferredChannel": "EMAIL", "consentToContact": true,
				               "consentNoticeVersion": "2026-11"},
				 "arrivalDate": "2031-03-03", "household": []}""".formatted(EMAIL));
		optingOut = api.openCase("""
				{"applicant": {"name": "Rosa Prueba", "preferredLanguage": "fr", "phone": "%s", "email": null,
				               "preferredChannel": "SMS", "consentToContact": true,
				               "consentNoticeVersion": "2026-11"},
				 "arrivalDate": "2031-03-03", "household": []}""".formatted(OPTING_OUT_PHONE));
		String firstLastDay = null;
		for (String caseId : List.of(bySms, byEmail, optingOut)) {
			JsonNode filing = await().atMost(Duration.ofSeconds(60))
				.until(() -> api.deadline(caseId, "FILING_WINDOW"), (d) -> d != null);
			if (caseId.equals(bySms)) {
				firstLastDay = filing.get("lastDay").asString();
			}
		}

		// A caseworker corrects one arrival date: the filing window moves.
		api.recordEvent(bySms, """
				{"type": "ARRIVAL_DATE_CORRECTED", "arrivalDate": "2031-03-04"}""");
		String moved = firstLastDay;
		await().atMost(Duration.ofSeconds(60))
			.until(() -> api.deadline(bySms, "FILING_WINDOW").get("lastDay").asString(), (d) -> !d.equals(moved));

		// One person asks for no more messages.
		api.textFrom(OPTING_OUT_PHONE, "STOP");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> delta(scrape(PlazoService.NOTIFY), PlazoService.NOTIFY, "plazo_optouts_total") == 1);

		// Time moves to the latest of the three first reminders; count what falls due.
		Map<String, List<JsonNode>> deadlines = new LinkedHashMap<>();
		for (String caseId : List.of(bySms, byEmail, optingOut)) {
			deadlines.put(caseId, deadlinesOf(caseId));
		}
		Instant target = deadlines.values()
			.stream()
			.map((list) -> pendingReminders(list).stream().min(Instant::compareTo).orElseThrow())
			.max(Instant::compareTo)
			.orElseThrow()
			.plusSeconds(30);
		deadlines.forEach((caseId, list) -> {
			remindersDue.put(caseId, dueReminders(list, target).size());
			list.forEach((deadline) -> deadlinesByKind.merge(deadline.get("kind").asString(), 1, Integer::sum));
		});
		assertThat(target).isBefore(WARM_UP_END);
		SharedStack.stack().clock().set(target);
		for (String caseId : List.of(bySms, byEmail, optingOut)) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> dueReminders(deadlinesOf(caseId), target).stream().allMatch("FIRED"::equals));
		}

		List<TwilioFake.Sms> reminders = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.smsTo(SMS_PHONE), (sms) -> sms.size() >= remindersDue.get(bySms));
		await().atMost(Duration.ofSeconds(60)).until(() -> api.mailTo(EMAIL).size() >= remindersDue.get(byEmail));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> delta(scrape(PlazoService.NOTIFY), PlazoService.NOTIFY, "plazo_notifications_deliveries_total",
					"outcome", "opted_out") >= remindersDue.get(optingOut));
		smsSegments = reminders.stream().mapToInt((sms) -> SmsSegments.of(sms.body()).segments()).sum();
		awaitQuiet();
		// Kafka's client metrics are bound as the clients report them (Micrometer looks
		// again every minute): lag per partition shows once a consumer has fetched.
		await().atMost(Duration.ofSeconds(150))
			.pollInterval(Duration.ofSeconds(5))
			.until(() -> scrapeAll().values()
				.stream()
				.allMatch((scrape) -> scrape.names().contains("kafka_consumer_fetch_manager_records_lag")));
		after = scrapeAll();
		keep(after);
	}

	/** The final scrapes, in target/, for whoever reads a failure. */
	private static void keep(Map<PlazoService, Scrape> scrapes) {
		try {
			Path directory = Files.createDirectories(Path.of("target", "observability"));
			for (Map.Entry<PlazoService, Scrape> scrape : scrapes.entrySet()) {
				Files.writeString(directory.resolve(scrape.getKey().serviceName() + ".prom"), scrape.getValue().text());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void caseServiceCountsTheCasesOpenedAndTheFactsRecorded() {
		assertThat(delta(PlazoService.CASE, "plazo_cases_opened_total")).isEqualTo(3);
		assertThat(delta(PlazoService.CASE, "plazo_cases_events_total")).isEqualTo(1);
		assertThat(delta(PlazoService.CASE, "plazo_cases_events_total", "type",
				"org.plazo.case.arrival-date-corrected.v1"))
			.isEqualTo(1);
	}

	@Test
	void deadlineServiceCountsTheDeadlinesScheduledMovedAndTheRemindersFired() {
		long due = remindersDue.values().stream().mapToLong(Integer::longValue).sum();
		assertThat(due).as("reminders due in the story").isGreaterThanOrEqualTo(3);
		deadlinesByKind.forEach((kind,
				count) -> assertThat(delta(PlazoService.DEADLINE, "plazo_deadlines_scheduled_total", "kind", kind))
					.as("deadlines of kind %s scheduled", kind)
					.isEqualTo((long) count));
		assertThat(delta(PlazoService.DEADLINE, "plazo_deadlines_rescheduled_total", "kind", "FILING_WINDOW"))
			.isEqualTo(1);
		assertThat(delta(PlazoService.DEADLINE, "plazo_reminders_fired_total")).isEqualTo(due);
		assertThat(delta(PlazoService.DEADLINE, "plazo_reminders_lateness_seconds_count")).isEqualTo(due);
		assertThat(after.get(PlazoService.DEADLINE).names()).contains("plazo_reminders_lateness_seconds_bucket");
		// The batch listener times its polls; the record listeners keep Spring Kafka's
		// observation, which a timer of the same name with other tags would shut out.
		assertThat(after.get(PlazoService.DEADLINE).sum("plazo_case_events_poll_seconds_count")).isPositive();
		assertThat(after.get(PlazoService.DEADLINE)
			.sum("spring_kafka_listener_seconds_count", "messaging_kafka_consumer_group", "deadline-service-access"))
			.isPositive();
		// One dispatcher: it holds every slot.
		assertThat(after.get(PlazoService.DEADLINE).sum("plazo_dispatcher_slots")).isEqualTo(16);
	}

	@Test
	void notifyServiceCountsDeliveriesSegmentsAndOptOuts() {
		assertThat(delta(PlazoService.NOTIFY, "plazo_notifications_deliveries_total", "channel", "sms", "provider",
				"twilio", "outcome", "sent"))
			.isEqualTo((long) remindersDue.get(bySms));
		assertThat(delta(PlazoService.NOTIFY, "plazo_notifications_deliveries_total", "channel", "email", "provider",
				"smtp", "outcome", "sent"))
			.isEqualTo((long) remindersDue.get(byEmail));
		assertThat(delta(PlazoService.NOTIFY, "plazo_notifications_deliveries_total", "channel", "sms", "provider",
				"none", "outcome", "opted_out"))
			.isEqualTo((long) remindersDue.get(optingOut));
		assertThat(delta(PlazoService.NOTIFY, "plazo_notifications_deliveries_total"))
			.isEqualTo(remindersDue.values().stream().mapToLong(Integer::longValue).sum());
		assertThat(delta(PlazoService.NOTIFY, "plazo_sms_segments_total", "provider", "twilio"))
			.isEqualTo((long) smsSegments);
		assertThat(delta(PlazoService.NOTIFY, "plazo_optouts_total")).isEqualTo(1);
		// First reminders of a filing window are not critical, and nothing was
		// dead-lettered.
		assertThat(delta(PlazoService.NOTIFY, "plazo_notifications_critical_failures_total")).isZero();
		assertThat(after.get(PlazoService.NOTIFY).names()).contains("plazo_webhooks_attempts_total",
				"plazo_webhooks_latency_seconds_bucket");
	}

	@Test
	void everyServiceExportsItsOutboxBacklogDeadLettersKafkaLagJvmAndHttpMetrics() {
		for (PlazoService service : PlazoService.values()) {
			Scrape scrape = after.get(service);
			assertThat(scrape.names()).as(service.serviceName())
				.contains("plazo_outbox_backlog", "plazo_dead_letters_total",
						"kafka_consumer_fetch_manager_records_lag", "jvm_memory_used_bytes",
						"http_server_requests_seconds_count");
			assertThat(scrape.samples()).as("%s: every series carries the application tag", service.serviceName())
				.allSatisfy(
						(sample) -> assertThat(sample.labels()).containsEntry("application", service.serviceName()));
			assertThat(scrape.all("kafka_consumer_fetch_manager_records_lag"))
				.as("%s: lag per topic and partition", service.serviceName())
				.allSatisfy((sample) -> assertThat(sample.labels()).containsKeys("topic", "partition"))
				// Each partition once: not again under Kafka's deprecated underscored
				// name.
				.allSatisfy((sample) -> assertThat(sample.labels().get("topic")).startsWith("plazo."));
			assertThat(delta(service, "plazo_dead_letters_total")).as(service.serviceName()).isZero();
		}
		assertThat(after.get(PlazoService.DEADLINE).all("kafka_consumer_fetch_manager_records_lag"))
			.anySatisfy((sample) -> assertThat(sample.labels()).containsEntry("topic", Topics.CASE_EVENTS));
		assertThat(after.get(PlazoService.NOTIFY).all("kafka_consumer_fetch_manager_records_lag"))
			.anySatisfy((sample) -> assertThat(sample.labels()).containsEntry("topic", Topics.DEADLINE_EVENTS));
		// The relays drained what the story recorded.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(Stream.of(PlazoService.values())
				.mapToDouble((service) -> scrape(service).sum("plazo_outbox_backlog"))
				.sum()).isZero());
	}

	@Test
	void metricsCarryNoPersonalData() {
		for (PlazoService service : PlazoService.values()) {
			String text = scrape(service).text();
			for (String personal : List.of(SMS_PHONE, OPTING_OUT_PHONE, SMS_PHONE.substring(1), EMAIL, "Marta", "Peter",
					"Rosa", "Prueba", "Testcase", bySms, byEmail, optingOut)) {
				assertThat(text).as(service.serviceName()).doesNotContainIgnoringCase(personal);
			}
		}
	}

	@Test
	void readinessReflectsKafkaAndMongoDb() {
		for (PlazoService service : PlazoService.values()) {
			var response = api.get(service, "/actuator/health/readiness");
			assertThat(response.statusCode()).as("%s: %s", service.serviceName(), response.body()).isEqualTo(200);
			JsonNode health = json.readTree(response.body());
			assertThat(health.get("status").asString()).isEqualTo("UP");
			assertThat(health.get("components").propertyNames()).contains("kafka", "mongo", "readinessState");
			assertThat(api.get(service, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void traceContextTravelsInKafkaRecordHeaders() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedStack.stack().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "e2e-trace-headers",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS));
			List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (bySms.equals(record.key())) {
						mine.add(record);
					}
				});
				Set<String> types = mine.stream()
					.map((record) -> record.headers().lastHeader("ce_type"))
					.filter((header) -> header != null)
					.map((header) -> new String(header.value(), StandardCharsets.UTF_8))
					.collect(Collectors.toSet());
				return types.containsAll(
						Set.of("org.plazo.case.arrival-date-corrected.v1", "org.plazo.deadline.rescheduled.v1"));
			});
			assertThat(mine).allSatisfy((record) -> assertThat(record.headers().lastHeader("traceparent"))
				.as("traceparent of a record on %s", record.topic())
				.isNotNull());
			assertThat(traceIdOf(mine, Topics.CASE_EVENTS, "org.plazo.case.arrival-date-corrected.v1"))
				.matches("[0-9a-f]{32}")
				.isNotEqualTo("0".repeat(32));
		}
	}

	/** The W3C trace id of the record of that CloudEvents type on that topic. */
	private static String traceIdOf(List<ConsumerRecord<String, byte[]>> records, String topic, String type) {
		return records.stream()
			.filter((record) -> record.topic().equals(topic))
			.filter((record) -> record.headers().lastHeader("ce_type") != null
					&& type.equals(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
			.map((record) -> new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)
				.split("-")[1])
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + type + " on " + topic));
	}

	@Test
	void dashboardsAreValidAndReadOnlyMetricsTheServicesExport() throws IOException {
		Set<String> exported = exportedNames();
		List<Path> dashboards;
		try (Stream<Path> files = Files.list(REPOSITORY.resolve("docker/grafana/dashboards"))) {
			dashboards = files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(dashboards).extracting((file) -> file.getFileName().toString())
			.contains("plazo-overview.json", "plazo-reminders-deliveries.json", "plazo-kafka.json");
		Set<String> uids = new TreeSet<>();
		for (Path file : dashboards) {
			JsonNode dashboard = json.readTree(file.toFile());
			assertThat(dashboard.get("title").asString()).as(file.toString()).isNotBlank();
			assertThat(uids.add(dashboard.get("uid").asString())).as("unique uid in %s", file).isTrue();
			List<JsonNode> panels = new ArrayList<>();
			dashboard.get("panels").forEach(panels::add);
			assertThat(panels).as(file.toString()).isNotEmpty();
			for (JsonNode panel : panels) {
				if ("row".equals(panel.get("type").asString())) {
					continue;
				}
				String where = file.getFileName() + " / " + panel.get("title").asString();
				assertThat(panel.get("datasource").get("uid").asString()).as(where).isEqualTo("prometheus");
				assertThat(panel.get("targets")).as(where).isNotEmpty();
				for (JsonNode target : panel.get("targets")) {
					String expression = target.get("expr").asString();
					assertThat(PromQl.metricNames(expression)).as("%s: %s", where, expression)
						.isNotEmpty()
						.allSatisfy((name) -> assertThat(exported).as("%s reads %s", where, name).contains(name));
				}
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void alertRulesAreValidAndReadOnlyMetricsTheServicesExport() throws IOException {
		Set<String> exported = new TreeSet<>(exportedNames());
		// Prometheus's own series of each scrape target.
		exported.add("up");
		Map<String, Object> prometheus = new Yaml()
			.load(Files.readString(REPOSITORY.resolve("docker/prometheus/prometheus.yml")));
		assertThat((List<String>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
		Map<String, Object> rules = new Yaml()
			.load(Files.readString(REPOSITORY.resolve("docker/prometheus/alerts.yml")));
		Set<String> alerts = new TreeSet<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			assertThat((String) group.get("name")).isNotBlank();
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				String alert = (String) rule.get("alert");
				assertThat(alerts.add(alert)).as("unique alert %s", alert).isTrue();
				assertThat((Map<String, Object>) rule.get("labels")).as(alert).containsKey("severity");
				assertThat((Map<String, Object>) rule.get("annotations")).as(alert).containsKeys("summary", "runbook");
				String expression = ((String) rule.get("expr")).trim();
				assertThat(PromQl.metricNames(expression)).as("%s: %s", alert, expression)
					.isNotEmpty()
					.allSatisfy((name) -> assertThat(exported).as("%s reads %s", alert, name).contains(name));
			}
		}
		assertThat(alerts).contains("ReminderLatenessHigh", "OutboxBacklogGrowing", "DeadLettersAppearing",
				"CriticalReminderUndelivered");
		String runbook = Files.readString(REPOSITORY.resolve("docs/observability.md"));
		assertThat(alerts).allSatisfy(
				(alert) -> assertThat(runbook).as("docs/observability.md explains %s", alert).contains("### " + alert));
	}

	private static Set<String> exportedNames() {
		Set<String> names = new TreeSet<>();
		after.values().forEach((scrape) -> names.addAll(scrape.names()));
		return names;
	}

	private static List<JsonNode> deadlinesOf(String caseId) {
		var response = api.get(PlazoService.DEADLINE, "/api/v1/cases/" + caseId + "/deadlines");
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> deadlines = new ArrayList<>();
		json.readTree(response.body()).get("deadlines").forEach((deadline) -> {
			if ("OPEN".equals(deadline.get("status").asString())) {
				deadlines.add(deadline);
			}
		});
		return deadlines;
	}

	private static List<Instant> pendingReminders(List<JsonNode> deadlines) {
		List<Instant> times = new ArrayList<>();
		for (JsonNode deadline : deadlines) {
			for (JsonNode reminder : deadline.get("reminders")) {
				if ("PENDING".equals(reminder.get("status").asString())) {
					times.add(Instant.parse(reminder.get("fireAt").asString()));
				}
			}
		}
		return times;
	}

	/**
	 * The statuses of the reminders due by then (fired already, like the notice of a
	 * moved deadline, or about to fire); cancelled ones do not count.
	 */
	private static List<String> dueReminders(List<JsonNode> deadlines, Instant by) {
		List<String> statuses = new ArrayList<>();
		for (JsonNode deadline : deadlines) {
			for (JsonNode reminder : deadline.get("reminders")) {
				String status = reminder.get("status").asString();
				if (!"CANCELLED".equals(status) && !Instant.parse(reminder.get("fireAt").asString()).isAfter(by)) {
					statuses.add(status);
				}
			}
		}
		return statuses;
	}

	/**
	 * Waits until no business counter of any service has moved for 15 seconds: longer
	 * than the dispatcher's catch-up delay for overdue reminders (10 s in SharedStack).
	 */
	private static void awaitQuiet() {
		List<Map<String, Double>> last = new ArrayList<>(List.of(Map.of()));
		long[] changedAt = { System.nanoTime() };
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			Map<String, Double> counters = new TreeMap<>();
			scrapeAll().forEach((service, scrape) -> scrape.samples()
				.stream()
				.filter((sample) -> sample.name().startsWith("plazo_")
						&& (sample.name().endsWith("_total") || sample.name().endsWith("_count")))
				.forEach((sample) -> counters.put(service + " " + sample.name() + sample.labels(), sample.value())));
			if (!counters.equals(last.get(0))) {
				last.set(0, counters);
				changedAt[0] = System.nanoTime();
			}
			return Duration.ofNanos(System.nanoTime() - changedAt[0]).compareTo(Duration.ofSeconds(15)) >= 0;
		});
	}

	private static Map<PlazoService, Scrape> scrapeAll() {
		Map<PlazoService, Scrape> scrapes = new EnumMap<>(PlazoService.class);
		for (PlazoService service : PlazoService.values()) {
			scrapes.put(service, scrape(service));
		}
		return scrapes;
	}

	private static Scrape scrape(PlazoService service) {
		var response = api.get(service, "/actuator/prometheus");
		assertThat(response.statusCode()).as(service.serviceName()).isEqualTo(200);
		return Scrape.parse(response.body());
	}

	private static long delta(PlazoService service, String name, String... labels) {
		return delta(after.get(service), service, name, labels);
	}

	/** How much a counter grew during the story (counters here count whole things). */
	private static long delta(Scrape now, PlazoService service, String name, String... labels) {
		return Math.round(now.sum(name, labels) - before.get(service).sum(name, labels));
	}

}
