package org.plazo.stack;

import java.util.ArrayList;
import java.util.List;
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

	/** Operators' token for the NGO API in the development stack only. */
	static final String DEV_OPERATOR_TOKEN = "dev-operator-token";

	private static final Logger logger = LoggerFactory.getLogger(ServiceLauncher.class);

	private final Settings settings;

	private final MovableClock clock;

	private final String kafkaBootstrapServers;

	private final MongoWireServer mongo;

	private final int smtpPort;

	ServiceLauncher(Settings settings, MovableClock clock, String kafkaBootstrapServers, MongoWireServer mongo,
			int smtpPort) {
		this.settings = settings;
		this.clock = clock;
		this.kafkaBootstrapServers = kafkaBootstrapServers;
		this.mongo = mongo;
		this.smtpPort = smtpPort;
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
		int port = context.getEnvironment()
			.getProperty("local.server.port", Integer.class, this.settings.servicePorts().get(service));
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
		List<String> arguments = new ArrayList<>();
		arguments.add("--server.port=" + this.settings.servicePorts().get(service));
		// No authentication in this stack: reachable from this machine only.
		arguments.add("--server.address=localhost");
		arguments.add("--spring.mongodb.uri=" + this.mongo.uri(service.database()));
		arguments.add("--spring.kafka.bootstrap-servers=" + this.kafkaBootstrapServers);
		if (service == PlazoService.DEADLINE && this.settings.reminderDemoOffset() != null) {
			arguments.add("--plazo.reminders.demo-offset=" + this.settings.reminderDemoOffset());
		}
		if (service == PlazoService.NOTIFY) {
			arguments.add("--spring.mail.host=localhost");
			arguments.add("--spring.mail.port=" + this.smtpPort);
			arguments.add("--plazo.sms.dev.outbox=" + this.settings.smsOutbox().toAbsolutePath());
			// Partner webhooks may go to a receiver on this machine, over http: dev only.
			arguments.add("--plazo.partners.allow-http=true");
			arguments.add("--plazo.partners.allow-loopback=true");
			// The development stack's operator token; a real deployment sets its own.
			arguments.add("--plazo.partners.operator-token=" + DEV_OPERATOR_TOKEN);
		}
		// LocalStack closes the services itself, before the infrastructure they need.
		arguments.add("--spring.main.register-shutdown-hook=false");
		arguments.add("--logging.register-shutdown-hook=false");
		arguments.add("--spring.main.banner-mode=off");
		arguments.addAll(this.settings.serviceArguments());
		return arguments.toArray(String[]::new);
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
