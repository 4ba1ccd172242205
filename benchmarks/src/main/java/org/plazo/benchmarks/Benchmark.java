package org.plazo.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs every measurement of issue 9 in one go and writes a JSON file and a Markdown
 * table.
 *
 * <pre>
 * cd benchmarks &amp;&amp; ../mvnw -q -B compile exec:exec                  # full scale
 * ../mvnw -q -B compile exec:exec -Dbench.scale=smoke                   # tiny
 * ../mvnw -q -B compile exec:exec -Dbench.jfr=true   # with flight recordings (benchmark JVM, stand-in, probe)
 * </pre>
 *
 * {@code -Dbench.only=ceiling,delivery,ingest,burst,steady,recovery,baselines,memory}
 * runs some phases only (to re-run a disturbed figure).
 */
public final class Benchmark {

	/** Names this run's recordings and logs, so a later run does not overwrite them. */
	static final String RUN = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(java.time.ZoneOffset.UTC)
		.format(java.time.Instant.now());

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		Scale scale = Scale.named(System.getProperty("bench.scale", "full"));
		Path out = Path.of(System.getProperty("bench.out", "target/benchmark-results"));
		boolean jfr = Boolean.getBoolean("bench.jfr");
		jdk.jfr.Recording recording = null;
		if (jfr) {
			Files.createDirectories(out);
			recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
			recording.setDestination(out.resolve("benchmark-" + RUN + ".jfr"));
			recording.start();
		}
		Path json = run(scale, out, phases(System.getProperty("bench.only", "")), jfr);
		if (recording != null) {
			recording.stop();
			recording.close();
		}
		System.out.println("Wrote " + json + " and " + json.toString().replace(".json", ".md"));
		System.exit(0);
	}

	static Set<String> phases(String only) {
		Set<String> all = Set.of("ceiling", "delivery", "ingest", "burst", "steady", "recovery", "baselines", "memory",
				"shapes");
		return only.isBlank() ? all : Set.of(only.split(","));
	}

	static Path run(Scale scale, Path out, Set<String> phases, boolean jfr) throws Exception {
		Results results = new Results(scale.name());
		Files.createDirectories(out);
		List<String> childFlags = jfr ? List.of("-XX:StartFlightRecording=filename="
				+ out.resolve("mongo-stand-in-" + RUN + ".jfr") + ",settings=profile") : List.of();
		long t = System.nanoTime();
		try (KafkaRig kafka = new KafkaRig()) {
			double kafkaStart = (System.nanoTime() - t) / 1e9;
			t = System.nanoTime();
			try (MongoStandIn mongo = MongoStandIn.start(scale.mongoHeap(), childFlags,
					out.resolve("mongo-stand-in-" + RUN + ".log"))) {
				double mongoStart = (System.nanoTime() - t) / 1e9;
				results.note("MongoDB stand-in: mongo-java-server 1.47 memory backend in its own JVM (-Xmx"
						+ scale.mongoHeap()
						+ ", G1 as in the embedded default); Kafka: spring-kafka-test's EmbeddedKafkaKraftBroker in the benchmark's JVM, "
						+ "3 partitions a topic.");
				phase(results, phases, "ceiling", () -> CeilingBench.run(kafka, scale.ceilingRecords(), results));
				phase(results, phases, "delivery", () -> new DeliveryBench(kafka).run(mongo, scale.deliveryPeople(),
						scale.deliveryLimit(), out, results));
				phase(results, phases, "ingest",
						() -> new IngestBench(kafka).run(mongo, scale.ingestEvents(), scale.ingestWarmup(),
								scale.ingestPacedFor(), scale.ingestPreloaded(), scale.burstLimit().multipliedBy(2),
								results));
				DispatchBench dispatch = new DispatchBench(kafka, mongo, scale.dispatchLead(), scale.pollInterval());
				phase(results, phases, "burst", () -> bursts(dispatch, scale, results));
				phase(results, phases, "steady", () -> steady(dispatch, scale, results));
				phase(results, phases, "recovery", () -> recovery(dispatch, scale, results));
				phase(results, phases, "baselines", () -> baselines(kafka, scale, results));
				phase(results, phases, "memory", () -> memory(kafka, mongo, scale, out, results));
				phase(results, phases, "memory", () -> ready(kafka, mongo, kafkaStart, mongoStart, results));
				phase(results, phases, "shapes", () -> {
					Map<String, Object> shapes = new LinkedHashMap<>();
					for (int documents : scale.shapeDocuments()) {
						shapes.put(String.valueOf(documents),
								QueryShapes.measure(mongo.uri("plazo-deadlines-shapes"), documents));
					}
					results.put("stand_in_query_ms_by_documents", shapes, "ms per call", "",
							"hot query shapes on the stand-in over N reminder documents (see docs/benchmarks.md)");
				});
			}
		}
		results.phase("end");
		return results.write(out);
	}

	interface Phase {

		void run() throws Exception;

	}

	private static void phase(Results results, Set<String> phases, String name, Phase phase) {
		if (!phases.contains(name)) {
			return;
		}
		results.phase(name);
		long start = System.nanoTime();
		try {
			phase.run();
		}
		catch (Exception | AssertionError ex) {
			results.note("Phase " + name + " failed: " + ex);
			ex.printStackTrace();
		}
		System.out.printf("phase %s: %.1f s, load %s%n", name, (System.nanoTime() - start) / 1e9, Jvm.loadAverage());
	}

	private static void bursts(DispatchBench dispatch, Scale scale, Results results) throws Exception {
		Map<String, Object> byPending = new LinkedHashMap<>();
		Map<String, Object> details = new LinkedHashMap<>();
		// One burst first, not counted: the first context of the phase otherwise pays for
		// the JIT (the 10,000-pending burst took 27.9 s cold and about 21 s warm).
		int first = scale.pendingCounts().get(0);
		details.put("warm-up, " + first + " pending, not counted",
				DispatchBench.describe(dispatch.burst(first, scale.burst(), scale.burstLimit())));
		for (int pending : scale.pendingCounts()) {
			DispatchBench.Outcome outcome = dispatch.burst(pending, scale.burst(), scale.burstLimit());
			byPending.put(String.valueOf(pending), Results.round(outcome.secondsForAll()));
			details.put(String.valueOf(pending), DispatchBench.describe(outcome));
			if (pending == scale.headlinePending()) {
				String limit = outcome.complete() ? ""
						: "; INCOMPLETE: " + outcome.delivered() + " of " + outcome.expected() + " fired in "
								+ scale.burstLimit().toSeconds() + " s, total extrapolated at the observed rate";
				results.put("burst_100k_seconds", outcome.secondsForAll(), "s", "<= 60",
						scale.burst() + " reminders due at one instant among " + pending
								+ " pending; from the due instant to the last ReminderDue on Kafka" + limit);
				results.put("burst_lateness_p50_ms", outcome.lateness().percentile(50), "ms", "",
						"of the reminders fired within the limit");
				results.put("burst_lateness_p99_ms", outcome.lateness().percentile(99), "ms");
				results.put("burst_lateness_max_ms", outcome.lateness().max(), "ms");
				results.put("burst_duplicates", outcome.duplicates(), "events");
				results.put("burst_load_seconds", outcome.loadSeconds(), "s", "",
						"insertMany of " + (pending + scale.burst()) + " reminder documents (not part of the figure)");
			}
		}
		results.put("burst_seconds_by_pending", byPending, "s by pending count", "flat",
				"burst of " + scale.burst() + " at one instant; extrapolated where incomplete (see burst_details)");
		results.put("burst_details", details, "");
	}

	private static void steady(DispatchBench dispatch, Scale scale, Results results) throws Exception {
		DispatchBench.Outcome outcome = dispatch.steady(scale.steadyPending(), scale.steadyPerSecond(),
				scale.steadyFor(), scale.steadyDrain());
		String incomplete = outcome.complete() ? "" : "; INCOMPLETE: " + outcome.delivered() + " of "
				+ outcome.expected() + " fired by the end of the drain time; the percentile counts only those";
		results.put("steady_lateness_p50_ms", outcome.lateness().percentile(50), "ms", "",
				scale.steadyPerSecond() + " reminders/s for " + scale.steadyFor().toSeconds() + " s among "
						+ scale.steadyPending() + " pending");
		results.put("steady_lateness_p99_ms", outcome.lateness().percentile(99), "ms", "< 1,000",
				"due instant to ReminderDue on Kafka" + incomplete);
		results.put("steady_lateness_max_ms", outcome.lateness().max(), "ms");
		results.put("steady_fired_per_s", outcome.perSecond(), "reminders/s");
	}

	private static void recovery(DispatchBench dispatch, Scale scale, Results results) throws Exception {
		DispatchBench.Outcome outcome = dispatch.recovery(scale.recoveryPending(), scale.recoveryOverdue(),
				Duration.ofMinutes(30), scale.recoveryLimit());
		String incomplete = outcome.complete() ? "" : "; INCOMPLETE: " + outcome.delivered() + " of "
				+ outcome.expected() + " in " + scale.recoveryLimit().toSeconds() + " s, extrapolated";
		results.put("recovery_100k_seconds", outcome.secondsForAll(), "s", "<= 120",
				scale.recoveryOverdue() + " reminders fell due during a 30-minute outage (clock moved), "
						+ scale.recoveryPending() + " others pending; from the restart (context start included)"
						+ incomplete);
		results.put("recovery_duplicates", outcome.duplicates(), "ReminderDue events", "0",
				"ReminderDue events beyond the first, counted per reminder id");
	}

	private static void baselines(KafkaRig kafka, Scale scale, Results results) throws Exception {
		Baselines.Outcome quartz = Baselines.quartzJdbc(kafka, scale.baselineReminders(), scale.baselineLimit());
		results.put("burst_100k_seconds_quartz_jdbc", quartz.secondsForAll(), "s", "", scale.baselineReminders()
				+ " triggers due at once, Quartz JobStoreTX on embedded H2 (with Quartz's recommended indexes), 10 threads, "
				+ "batch acquisition 10; each publishes its ReminderDue; until the broker acknowledged all"
				+ (quartz.complete() ? "" : "; INCOMPLETE: " + quartz.fired() + " in the limit, extrapolated"));
		results.put("quartz_jdbc_schedule_seconds", quartz.scheduleSeconds(), "s", "",
				"storing the triggers (not part of the figure)");
		results.put("quartz_jdbc_lateness_p99_ms", quartz.lateness().percentile(99), "ms");
		Baselines.Outcome dbs = Baselines.dbScheduler(kafka, scale.baselineReminders(), scale.baselineLimit());
		results.put("burst_100k_seconds_db_scheduler", dbs.secondsForAll(), "s", "",
				scale.baselineReminders()
						+ " one-time tasks due at once, db-scheduler 16.7 on embedded H2, 10 threads, "
						+ "polling every 1 s; same work" + (dbs.complete() ? "" : "; INCOMPLETE, extrapolated"));
		results.put("db_scheduler_schedule_seconds", dbs.scheduleSeconds(), "s");
		results.put("db_scheduler_lateness_p99_ms", dbs.lateness().percentile(99), "ms");
		Object plazo = results.get("burst_100k_seconds");
		if (plazo instanceof Number seconds) {
			results.put("burst_speedup_vs_quartz_jdbc", quartz.secondsForAll() / seconds.doubleValue(), "x", ">= 10",
					"Quartz-JDBC burst time divided by deadline-service's (" + scale.headlinePending()
							+ " pending for deadline-service, none besides the burst for the baselines)");
			results.put("burst_speedup_vs_db_scheduler", dbs.secondsForAll() / seconds.doubleValue(), "x");
		}
	}

	private static void memory(KafkaRig kafka, MongoStandIn mongo, Scale scale, Path out, Results results)
			throws Exception {
		String database = "plazo-deadlines-memory";
		Reminders.load(mongo.uri(database), database, List.of(DispatchBench.background(scale.memoryPending())), 3);
		try {
			ServiceProbe.Measure measure = ServiceProbe.run(Services.DEADLINE_SERVICE,
					Services.deadlineServiceArgs(kafka, mongo.uri(database)), DispatchBench.T0,
					scale.probeSettleSeconds(), out.resolve("deadline-service-probe-" + RUN + ".log"));
			results.put("deadline_service_heap_mb_at_1m", measure.heapMb(), "MB", "< 512",
					"heap used after System.gc(), deadline-service alone in its JVM, " + scale.memoryPending()
							+ " pending reminders in the stand-in (another JVM), after " + scale.probeSettleSeconds()
							+ " s of dispatcher windows");
			results.put("deadline_service_rss_mb_at_1m", measure.rssMb(), "MB", "", "VmRSS of that JVM (-Xmx1g)");
			results.put("deadline_service_start_seconds", measure.startSeconds(), "s", "",
					"SpringApplication run to ready, in that JVM");
			double standIn = Jvm.heapUsedMbAfterGc(mongo.pid());
			if (standIn > 0) {
				results.put("stand_in_heap_mb_at_1m", standIn, "MB", "",
						"the MongoDB stand-in's heap after a full GC (jcmd), holding " + scale.memoryPending()
								+ " reminders and their buckets: what decides whether 10,000,000 fit in memory");
			}
		}
		finally {
			Reminders.drop(mongo.uri(database), database);
		}
		if (!scale.probeNotify()) {
			return;
		}
		ServiceProbe.Measure notify = ServiceProbe.run(Services.NOTIFY_SERVICE,
				List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
						"--spring.mongodb.uri=" + mongo.uri("plazo-notify-probe"),
						"--plazo.sms.dev.outbox=" + out.resolve("probe-outbox.jsonl")),
				DispatchBench.T0, 3, out.resolve("notify-service-probe-" + RUN + ".log"));
		results.put("notify_service_heap_mb", notify.heapMb(), "MB", "", "same measure, notify-service, idle");
		results.put("notify_service_rss_mb", notify.rssMb(), "MB");
	}

	private static void ready(KafkaRig kafka, MongoStandIn mongo, double kafkaStart, double mongoStart,
			Results results) {
		List<Double> starts = new ArrayList<>();
		BenchClock clock = new BenchClock(DispatchBench.T0);
		for (String app : List.of(Services.DEADLINE_SERVICE, Services.NOTIFY_SERVICE)) {
			long t = System.nanoTime();
			List<String> args = app.equals(Services.DEADLINE_SERVICE)
					? Services.deadlineServiceArgs(kafka, mongo.uri("plazo-deadlines-ready"))
					: List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
							"--spring.mongodb.uri=" + mongo.uri("plazo-notify-ready"));
			try (ConfigurableApplicationContext context = Services.start(app, clock, args)) {
				starts.add((System.nanoTime() - t) / 1e9);
			}
		}
		double total = kafkaStart + mongoStart + starts.stream().mapToDouble(Double::doubleValue).sum();
		results.put("stack_ready_seconds", total, "s", "",
				"the embedded equivalent of the README's command (`./mvnw -q -pl local-stack exec:java`, timed "
						+ "separately, see docs/benchmarks.md): KRaft broker start + stand-in JVM start + "
						+ "deadline-service and notify-service contexts started one after the other in a warm JVM "
						+ "(case-service not included)");
		results.put("stack_ready_parts_seconds",
				Map.of("kafka", Results.round(kafkaStart), "mongo_stand_in", Results.round(mongoStart),
						"deadline_service", Results.round(starts.get(0)), "notify_service",
						Results.round(starts.get(1))),
				"s");
	}

}
