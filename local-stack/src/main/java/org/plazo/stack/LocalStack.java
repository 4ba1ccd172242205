package org.plazo.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Plazo's embedded default: Kafka, a MongoDB-wire server, SMTP, the dev console and the
 * three services, in this one JVM, needing nothing but a JDK. Run {@link #main} from the
 * command line, or {@link #start(Settings)} from a test.
 */
public final class LocalStack {

	static final String WARNING = """

			=====================================================================
			  Plazo DEVELOPMENT stack: SMS are written to a file, mail stays in
			  memory. A LOCAL TOKEN ISSUER hands out tokens to FIXED DEVELOPMENT
			  CLIENTS, and the operator console has FIXED DEVELOPMENT USERS;
			  their secrets and passwords are printed below. Use invented
			  people only; never expose these ports beyond this machine.
			=====================================================================
			""";

	private static final String USAGE = """
			Usage: LocalStack [--data-dir=PATH] [--kafka-port=N] [--mongo-port=N] [--smtp-port=N]
			                  [--console-port=N] [--issuer-port=N] [--demo-offset=DURATION|none]
			                  [--no-services]
			  Defaults: data in ./.plazo-data, Kafka 9092, MongoDB 27017, SMTP 1025, console 8080,
			  token issuer 9000, a demo reminder PT1M after each deadline. A port of 0 takes a free one.
			  With Maven: ./mvnw -q -pl local-stack exec:java -Dexec.args="--console-port=9080"
			""";

	private static final String LOGGING_CONFIG_PROPERTY = "logging.config";

	private LocalStack() {
	}

	public static void main(String[] args) {
		// Kafka alone logs hundreds of lines at INFO; this keeps the terminal readable.
		if (System.getProperty(LOGGING_CONFIG_PROPERTY) == null) {
			System.setProperty(LOGGING_CONFIG_PROPERTY, "classpath:local-stack-logback.xml");
		}
		Settings settings;
		try {
			settings = parse(args, Settings.defaults());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		System.out.println(WARNING);
		RunningStack stack;
		try {
			stack = start(settings);
		}
		catch (StartupProblem ex) {
			System.err.println("The stack did not start. " + ex.getMessage());
			System.exit(1);
			return;
		}
		catch (Exception ex) {
			LoggerFactory.getLogger(LocalStack.class).error("The stack did not start", ex);
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping the Plazo stack...");
			stack.close();
			System.out.println("Stopped. The data is in " + settings.dataDirectory().toAbsolutePath().normalize());
		}, "plazo-stack-shutdown"));
		System.out.println(stack.summary());
		// The servers' threads keep the JVM alive until Ctrl-C.
	}

	/**
	 * Starts the stack and returns once every part is up. On failure, stops what had
	 * started and throws.
	 */
	public static RunningStack start(Settings settings) throws Exception {
		initializeLogging();
		// Fail before the slow parts start, with a message that says what to do.
		ServiceLauncher.checkOnClasspath(settings.services());
		checkPortsFree(settings);
		MovableClock clock = MovableClock.persistent(settings.clockOffsetFile());
		SmsOutbox sms = new SmsOutbox(settings.smsOutbox());
		List<AutoCloseable> started = new ArrayList<>();
		try {
			MailServer mail = MailServer.start(settings.smtpPort());
			started.add(mail);
			MongoWireServer mongo = MongoWireServer.start(settings.persistentMongo() ? settings.mongoFile() : null,
					settings.mongoPort(), clock);
			started.add(mongo);
			KafkaBroker kafka = KafkaBroker.start(settings.kafkaDirectory(), settings.kafkaPort());
			started.add(kafka);
			// Before the services: they are told where its keys are.
			LocalIssuer issuer = settings.services().isEmpty() ? null : LocalIssuer.start(settings.issuerPort());
			if (issuer != null) {
				started.add(issuer);
			}
			List<RunningService> services = new ServiceLauncher(settings, clock, kafka.bootstrapServers(), mongo,
					mail.port(), (issuer != null) ? issuer.url() : null)
				.startAll();
			started.addAll(services);
			DevConsole console = DevConsole.start(settings.consolePort(), clock, mail, sms, services,
					(issuer != null) ? issuer.url() : null);
			return new RunningStack(settings, clock, mail, mongo, kafka, issuer, services, console, sms);
		}
		catch (Exception | Error ex) {
			Collections.reverse(started);
			RunningStack.closeAll(started);
			throw ex;
		}
	}

	/** The fixed ports must be free: most often, another stack is still running. */
	private static void checkPortsFree(Settings settings) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("Kafka (--kafka-port)", settings.kafkaPort());
		ports.put("MongoDB (--mongo-port)", settings.mongoPort());
		ports.put("SMTP (--smtp-port)", settings.smtpPort());
		ports.put("dev console (--console-port)", settings.consolePort());
		if (!settings.services().isEmpty()) {
			ports.put("token issuer (--issuer-port)", settings.issuerPort());
		}
		settings.services()
			.forEach((service) -> ports.put(service.serviceName(), settings.servicePorts().get(service)));
		List<String> busy = new ArrayList<>();
		ports.forEach((name, port) -> {
			if (port != 0 && !isFree(port)) {
				busy.add(name + " " + port);
			}
		});
		if (!busy.isEmpty()) {
			throw new StartupProblem("Ports in use: " + String.join(", ", busy)
					+ ". Is another Plazo stack running? Stop it, or choose other ports.");
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static Settings parse(String[] args, Settings defaults) {
		Settings settings = defaults;
		for (String arg : args) {
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
			settings = switch (name) {
				case "--data-dir" -> settings.withDataDirectory(Path.of(value));
				case "--kafka-port" -> settings.withKafkaPort(port(arg, value));
				case "--mongo-port" -> settings.withMongoPort(port(arg, value));
				case "--smtp-port" -> settings.withSmtpPort(port(arg, value));
				case "--console-port" -> settings.withConsolePort(port(arg, value));
				case "--issuer-port" -> settings.withIssuerPort(port(arg, value));
				case "--demo-offset" -> settings.withReminderDemoOffset(duration(arg, value));
				case "--no-services" -> settings.withoutServices();
				default -> throw new IllegalArgumentException("Unknown option: " + arg);
			};
		}
		return settings;
	}

	private static Duration duration(String arg, String value) {
		if (value.equals("none")) {
			return null;
		}
		try {
			return Duration.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Not an ISO-8601 duration (such as PT1M): " + arg);
		}
	}

	private static int port(String arg, String value) {
		try {
			int port = Integer.parseInt(value);
			if (port >= 0 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new IllegalArgumentException("Not a port: " + arg);
	}

	/**
	 * Configures logging once, through Spring Boot, for every part of the stack. Each
	 * service's Spring Boot then finds it done; left to them, three services starting at
	 * once would each configure it again and every line would appear three times.
	 */
	private static void initializeLogging() {
		LoggingSystem logging = LoggingSystem.get(LocalStack.class.getClassLoader());
		StandardEnvironment environment = new StandardEnvironment();
		// The services' trace and span ids in every line (docs/observability.md).
		environment.getPropertySources()
			.addLast(new MapPropertySource("plazo-logging",
					Map.of("logging.pattern.correlation", "[%X{traceId:-},%X{spanId:-}] ")));
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(environment),
				environment.getProperty(LOGGING_CONFIG_PROPERTY), null);
	}

}
