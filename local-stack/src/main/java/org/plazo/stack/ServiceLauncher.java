package org.plazo.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the services as Spring Boot applications in this JVM, side by side, each with
 * command-line arguments that point it at the stack's Kafka, MongoDB and SMTP, and with
 * the stack's clock as its {@code clock} bean.
 */
final class ServiceLauncher {

	/**
	 * Token for the operations APIs of deadline-service and notify-service
	 * ({@code X-Plazo-Operator-Token} on {@code /api/v1/operations/...}), which the
	 * operator console in case-service sends; development stack only.
	 */

	/**
	 * The operator console's users in the development stack only: fixed, printed at
	 * start, never for a real deployment.
	 */
	static final List<DevConsoleUser> DEV_CONSOLE_USERS = List.of(
			new DevConsoleUser("dev-operator", "dev-operator-password",
					"$2a$10$.WL1Ldr7HCTFcrwK.fZqe.A5OQSFSaFwFEsI2WAVFjlEND7YKr5X6", "OPERATOR"),
			new DevConsoleUser("dev-viewer", "dev-viewer-password",
					"$2a$10$FE5U4KQX63499OBMs4WSmepAdBtCmDBgi7LGCcJawifJx21Jr2ksG", "VIEWER"));

	private static final Logger logger = LoggerFactory.getLogger(ServiceLauncher.class);

	private final Settings settings;

	/** Each service's port, a free one chosen up front where the settings say 0. */
	private final Map<PlazoService, Integer> ports;

	private final MovableClock clock;

	private final String kafkaBootstrapServers;

	private final MongoWireServer mongo;

	private final int smtpPort;

	/** The local token issuer's base URL, or null when none runs. */
	private final String issuerUrl;

	ServiceLauncher(Settings settings, MovableClock clock, String kafkaBootstrapServers, MongoWireServer mongo,
			int smtpPort, String issuerUrl) {
		this.settings = settings;
		this.ports = resolvePorts(settings.servicePorts());
		this.clock = clock;
		this.kafkaBootstrapServers = kafkaBootstrapServers;
		this.mongo = mongo;
		this.smtpPort = smtpPort;
		this.issuerUrl = issuerUrl;
	}

	/**
	 * Checks that every service asked for is on the classpath, before anything slow
	 * starts.
	 * @throws StartupProblem naming the missing ones
	 */
	static void checkOnClasspath(Iterable<PlazoService> services) {
		List<String> missing = new ArrayList<>();
		for (PlazoService service : services) {
			if (!isOnClasspath(service)) {
				missing.add(service.serviceName() + " (" + service.applicationClassName() + ")");
			}
		}
		if (!missing.isEmpty()) {
			throw new StartupProblem("Not on the classpath: " + String.join(", ", missing)
					+ ". Build them first with ./mvnw install -DskipTests, or start only the infrastructure"
					+ " with --no-services.");
		}
	}

	/**
	 * Starts the services in parallel, so their start-up work overlaps, and returns once
	 * all are up. If one fails, the others are stopped and the first failure is thrown.
	 */
	List<RunningService> startAll() throws Exception {
		List<PlazoService> services = List.copyOf(this.settings.services());
		if (services.isEmpty()) {
			return List.of();
		}
		ExecutorService executor = Executors.newFixedThreadPool(services.size());
		try {
			List<Future<RunningService>> starting = new ArrayList<>();
			for (PlazoService service : services) {
				starting.add(executor.submit(() -> start(service)));
			}
			return awaitAll(starting);
		}
		finally {
			executor.shutdown();
		}
	}

	private RunningService start(PlazoService service) throws ClassNotFoundException {
		Thread.currentThread().setName("start-" + service.serviceName());
		logger.info("Starting {}", service.serviceName());
		ConfigurableApplicationContext context = run(applicationClass(service), this.clock, arguments(service));
		int port = context.getEnvironment().getProperty("local.server.port", Integer.class, this.ports.get(service));
		logger.info("{} started on http://localhost:{}", service.serviceName(), port);
		return new RunningService(service, context, port);
	}

	/**
	 * Runs a Spring Boot application with {@code clock} as its {@code clock} bean. The
	 * bean is there before the application's own configuration is read, so a
	 * {@code @ConditionalOnMissingBean} clock of its own steps aside.
	 */
	static ConfigurableApplicationContext run(Class<?> applicationClass, MovableClock clock, String... arguments) {
		return new SpringApplicationBuilder(applicationClass)
			.initializers((context) -> context.getBeanFactory().registerSingleton("clock", clock))
			.run(arguments);
	}

	/** The service's command line: where to listen and where the infrastructure is. */
	String[] arguments(PlazoService service) {
		List<String> arguments = infrastructureArguments(service, this.ports.get(service),
				this.mongo.uri(service.database()), this.kafkaBootstrapServers, this.smtpPort,
				this.settings.smsOutbox(), this.settings.reminderDemoOffset());
		arguments.addAll(operationsArguments(service, this.ports));
		arguments.addAll(consoleUserArguments(service));
		if (this.issuerUrl != null) {
			arguments.addAll(LocalIssuer.serviceArguments(service, this.issuerUrl));
		}
		// LocalStack closes the services itself, before the infrastructure they need.
		arguments.add("--spring.main.register-shutdown-hook=false");
		arguments.add("--logging.register-shutdown-hook=false");
		arguments.add("--spring.main.banner-mode=off");
		arguments.addAll(this.settings.serviceArguments());
		return arguments.toArray(String[]::new);
	}

	/**
	 * The arguments that point a service at the stack's infrastructure, whether it runs
	 * in this JVM or in its own process ({@link ServiceProcess}).
	 */
	static List<String> infrastructureArguments(PlazoService service, int port, String mongoUri,
			String kafkaBootstrapServers, int smtpPort, Path smsOutbox, Duration reminderDemoOffset) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--server.port=" + port);
		// Development credentials throughout: reachable from this machine only.
		arguments.add("--server.address=localhost");
		arguments.add("--spring.mongodb.uri=" + mongoUri);
		arguments.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers);
		if (service == PlazoService.DEADLINE && reminderDemoOffset != null) {
			arguments.add("--plazo.reminders.demo-offset=" + reminderDemoOffset);
		}
		if (service == PlazoService.NOTIFY) {
			arguments.add("--spring.mail.host=localhost");
			arguments.add("--spring.mail.port=" + smtpPort);
			arguments.add("--plazo.sms.dev.outbox=" + smsOutbox.toAbsolutePath());
			// Partner webhooks may go to a receiver on this machine, over http: dev only.
			arguments.add("--plazo.partners.allow-http=true");
			arguments.add("--plazo.partners.allow-loopback=true");
		}
		return arguments;
	}

	/**
	 * Where a service finds the others it calls: case-service's console and export reach
	 * deadline-service and notify-service, notify-service looks up contact details in
	 * case-service.
	 */
	static List<String> operationsArguments(PlazoService service, Map<PlazoService, Integer> servicePorts) {
		List<String> arguments = new ArrayList<>();
		if (service == PlazoService.NOTIFY) {
			arguments
				.add("--plazo.recipients.case-service-url=http://localhost:" + servicePorts.get(PlazoService.CASE));
		}
		if (service == PlazoService.CASE) {
			arguments.add(
					"--plazo.console.deadline-service-url=http://localhost:" + servicePorts.get(PlazoService.DEADLINE));
			arguments
				.add("--plazo.console.notify-service-url=http://localhost:" + servicePorts.get(PlazoService.NOTIFY));
		}
		return arguments;
	}

	/**
	 * The operator console's fixed development users ({@link #DEV_CONSOLE_USERS}), with
	 * bcrypt hashes of their passwords; a real deployment configures its own.
	 */
	static List<String> consoleUserArguments(PlazoService service) {
		List<String> arguments = new ArrayList<>();
		if (service == PlazoService.CASE) {
			for (int i = 0; i < DEV_CONSOLE_USERS.size(); i++) {
				DevConsoleUser user = DEV_CONSOLE_USERS.get(i);
				arguments.add("--plazo.console.users[" + i + "].username=" + user.username());
				arguments.add("--plazo.console.users[" + i + "].password-hash=" + user.passwordHash());
				arguments.add("--plazo.console.users[" + i + "].role=" + user.role());
			}
		}
		return arguments;
	}

	/**
	 * Services that take a free port get it here, before any starts, so each can be told
	 * where the others listen (the console calls deadline-service and notify-service).
	 */
	static Map<PlazoService, Integer> resolvePorts(Map<PlazoService, Integer> configured) {
		Map<PlazoService, Integer> ports = new EnumMap<>(PlazoService.class);
		configured.forEach((service, port) -> ports.put(service, (port != 0) ? port : freePort()));
		return ports;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for a service", ex);
		}
	}

	private static List<RunningService> awaitAll(List<Future<RunningService>> starting) throws Exception {
		List<RunningService> started = new ArrayList<>();
		Exception failure = null;
		for (Future<RunningService> future : starting) {
			try {
				started.add(future.get());
			}
			catch (ExecutionException ex) {
				Exception cause = (ex.getCause() instanceof Exception exception) ? exception : ex;
				if (failure == null) {
					failure = cause;
				}
				else {
					failure.addSuppressed(cause);
				}
			}
		}
		if (failure != null) {
			started.forEach(RunningService::close);
			throw failure;
		}
		return started;
	}

	static boolean isOnClasspath(PlazoService service) {
		try {
			applicationClass(service);
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	private static Class<?> applicationClass(PlazoService service) throws ClassNotFoundException {
		return Class.forName(service.applicationClassName(), false, ServiceLauncher.class.getClassLoader());
	}

}
