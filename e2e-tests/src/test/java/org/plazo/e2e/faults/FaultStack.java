package org.plazo.e2e.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.plazo.stack.KafkaBroker;
import org.plazo.stack.LocalIssuer;
import org.plazo.stack.MongoWireServer;
import org.plazo.stack.PlazoService;
import org.plazo.stack.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

import static org.awaitility.Awaitility.await;

/**
 * The stack of the fault-injection suite: Kafka and the MongoDB-wire server in this JVM
 * (so the broker can be stopped and started, and MongoDB cut off behind a
 * {@link TcpProxy}), and each service in its own child JVM, so that it can be killed
 * abruptly. Not the end-to-end tests' shared stack: nothing here disturbs them.
 */
final class FaultStack implements AutoCloseable {

	/** The demo reminder every new filing window gets: the ledger's unit. */
	static final Duration DEMO_OFFSET = Duration.ofSeconds(2);

	/** How long a claimed reminder stays with a dispatcher (the default is a minute). */
	static final Duration LEASE = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-XX:-UsePerfData", "-Dplazo.faults.child=true");

	private final Path data;

	private final int kafkaPort;

	private KafkaBroker kafka;

	private final MongoWireServer mongo;

	private final TcpProxy mongoProxy;

	private final LocalIssuer issuer;

	private final Map<PlazoService, Integer> ports = new EnumMap<>(PlazoService.class);

	private final String classpath;

	private final Map<PlazoService, ServiceProcess> services = new EnumMap<>(PlazoService.class);

	private FaultStack(Path data, int kafkaPort, KafkaBroker kafka, MongoWireServer mongo, TcpProxy mongoProxy,
			LocalIssuer issuer) throws IOException {
		this.data = data;
		this.issuer = issuer;
		this.kafkaPort = kafkaPort;
		this.kafka = kafka;
		this.mongo = mongo;
		this.mongoProxy = mongoProxy;
		for (PlazoService service : PlazoService.values()) {
			this.ports.put(service, freePort());
		}
		this.classpath = snapshotClasspath(data.resolve("classpath"));
	}

	/**
	 * This JVM's classpath, with our own modules' jars copied aside: a service restarted
	 * later must run the same code, even if a build installs new jars meanwhile.
	 */
	private static String snapshotClasspath(Path directory) throws IOException {
		Files.createDirectories(directory);
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			Path path = Path.of(entry);
			if (entry.endsWith(".jar") && entry.contains("org" + java.io.File.separator + "plazo")
					&& Files.isRegularFile(path)) {
				Path copy = directory.resolve(path.getFileName());
				Files.copy(path, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				entries.add(copy.toString());
			}
			else {
				entries.add(entry);
			}
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	static FaultStack start() throws Exception {
		// The embedded servers' INFO and DEBUG would drown the figures.
		LoggingSystem logging = LoggingSystem.get(FaultStack.class.getClassLoader());
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(new StandardEnvironment()),
				"classpath:local-stack-logback.xml", null);
		Path data = Files.createTempDirectory("plazo-faults");
		int kafkaPort = freePort();
		KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), kafkaPort);
		MongoWireServer mongo = MongoWireServer.start(null, 0, Clock.systemUTC());
		TcpProxy proxy = new TcpProxy(mongo.port());
		// The token issuer stays in this JVM; the services check its tokens over HTTP.
		LocalIssuer issuer = LocalIssuer.start(0);
		FaultStack stack = new FaultStack(data, kafkaPort, kafka, mongo, proxy, issuer);
		// Child JVMs outlive an aborted test run unless this JVM kills them on its way
		// out.
		Runtime.getRuntime()
			.addShutdownHook(
					new Thread(() -> stack.services.values().forEach(ServiceProcess::close), "fault-stack-children"));
		return stack;
	}

	/**
	 * Starts a service in a child JVM, with the given fault points armed (JVM system
	 * properties), and waits until it answers.
	 */
	void startService(PlazoService service, String... jvmProperties) throws IOException {
		launch(service, jvmProperties);
		awaitUp(service);
	}

	/** Starts a service in a child JVM and returns at once. */
	void launch(PlazoService service, String... jvmProperties) throws IOException {
		List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
		jvmOptions.addAll(List.of(jvmProperties));
		ServiceProcess.Infrastructure infrastructure = new ServiceProcess.Infrastructure("localhost:" + this.kafkaPort,
				"mongodb://localhost:" + this.mongoProxy.port() + "/", 0, smsOutbox(), DEMO_OFFSET);
		this.services.put(service,
				ServiceProcess.start(service, infrastructure, this.ports.get(service), this.classpath, jvmOptions,
						arguments(service, this.issuer.url(), this.ports.get(PlazoService.CASE)),
						this.data.resolve("logs").resolve(service.serviceName() + ".log")));
	}

	void awaitUp(PlazoService... services) {
		for (PlazoService service : services) {
			ServiceProcess process = this.services.get(service);
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException(service.serviceName() + " exited; see " + process.log());
				}
				return healthy(service);
			});
		}
	}

	ServiceProcess process(PlazoService service) {
		return this.services.get(service);
	}

	/** Kills a service abruptly (SIGKILL), as a crash or an OOM killer would. */
	void kill(PlazoService service) throws InterruptedException {
		this.services.get(service).kill();
	}

	String url(PlazoService service) {
		return "http://localhost:" + this.ports.get(service);
	}

	void stopKafka() {
		this.kafka.close();
		this.kafka = null;
	}

	void startKafka() throws Exception {
		this.kafka = KafkaBroker.start(this.data.resolve("kafka"), this.kafkaPort);
	}

	String kafkaBootstrapServers() {
		return "localhost:" + this.kafkaPort;
	}

	/** Makes MongoDB unreachable for every service: connections fail, new ones too. */
	void cutMongo() {
		this.mongoProxy.cut();
	}

	void restoreMongo() {
		this.mongoProxy.restore();
	}

	/** Connections to MongoDB the services tried, and were refused, since the cut. */
	int refusedMongoConnections() {
		return this.mongoProxy.refused();
	}

	/** A client straight to the MongoDB-wire server, past the proxy. */
	MongoClient mongoClient() {
		return MongoClients.create(this.mongo.uri(""));
	}

	/** Every SMS the dev provider was asked to send, as written to its file. */
	List<JsonNode> smsSent() throws IOException {
		Path file = smsOutbox();
		if (!Files.exists(file)) {
			return List.of();
		}
		String text = Files.readString(file, StandardCharsets.UTF_8);
		List<JsonNode> lines = new ArrayList<>();
		int end = text.lastIndexOf('\n');
		if (end < 0) {
			return lines;
		}
		for (String line : text.substring(0, end).split("\n")) {
			if (!line.isBlank()) {
				lines.add(json.readTree(line));
			}
		}
		return lines;
	}

	HttpResponse<String> post(PlazoService service, String path, String body) throws IOException {
		return send(authorized(HttpRequest.newBuilder(URI.create(url(service) + path)), path)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	HttpResponse<String> get(PlazoService service, String path) throws IOException {
		return send(authorized(HttpRequest.newBuilder(URI.create(url(service) + path)), path)
			.timeout(Duration.ofSeconds(30))
			.build());
	}

	/** An operator's token from the issuer on every call to a service's JSON API. */
	private HttpRequest.Builder authorized(HttpRequest.Builder request, String path) {
		if (path.startsWith("/api/") && !path.startsWith("/api/v1/sms/") && !path.startsWith("/api/v1/partners/")) {
			request.header("Authorization", "Bearer " + this.issuer.token("dev-operator"));
		}
		return request;
	}

	@Override
	public void close() {
		this.services.values().forEach(ServiceProcess::close);
		if (this.kafka != null) {
			this.kafka.close();
		}
		this.mongoProxy.close();
		this.mongo.close();
		this.issuer.close();
	}

	private boolean healthy(PlazoService service) {
		try {
			// Not /actuator/health: the stand-in fails its MongoDB check ("hello").
			return get(service, "/actuator/info").statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private Path smsOutbox() {
		return this.data.resolve("sms").resolve("outbox.jsonl");
	}

	private static List<String> arguments(PlazoService service, String issuerUrl, int casePort) {
		List<String> arguments = new ArrayList<>(LocalIssuer.serviceArguments(service, issuerUrl));
		arguments.addAll(List.of(
				// A killed consumer's partitions go to its successor after 6 s, not 45.
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.consumer.properties.heartbeat.interval.ms=1500", "--logging.level.root=WARN",
				"--logging.level.org.plazo=INFO"));
		switch (service) {
			case CASE -> arguments.add("--plazo.outbox.sweep-interval=PT2S");
			case DEADLINE ->
				arguments.addAll(List.of("--plazo.dispatcher.poll-interval=PT0.5S", "--plazo.dispatcher.lookahead=PT2S",
						"--plazo.dispatcher.lease=" + LEASE, "--plazo.reminders.catch-up-delay=PT10S"));
			case NOTIFY -> arguments.addAll(List.of("--plazo.recipients.case-service-url=http://localhost:" + casePort,
					"--plazo.notify.deferred.poll-interval=PT0.5S", "--plazo.notify.outbox.sweep-interval=PT2S",
					"--plazo.sms.quiet-hours.start=00:00", "--plazo.sms.quiet-hours.end=00:00"));
		}
		return arguments;
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
