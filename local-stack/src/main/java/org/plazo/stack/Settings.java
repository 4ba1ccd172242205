package org.plazo.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to start and where. {@link #defaults()} is the developer's stack on the usual
 * ports with its data in {@code ./.plazo-data}; tests start from {@link #forTests(Path)}.
 * A port of 0 means any free port; {@link RunningStack} tells which one was taken.
 *
 * @param dataDirectory where Kafka's log, the MongoDB file, the SMS outbox and the clock
 * offset live
 * @param kafkaPort the Kafka client port
 * @param mongoPort the MongoDB wire-protocol port
 * @param smtpPort the SMTP port
 * @param consolePort the dev console's HTTP port
 * @param issuerPort the local token issuer's HTTP port
 * @param servicePorts each service's HTTP port
 * @param persistentMongo whether MongoDB data goes to a file in the data folder (else
 * memory)
 * @param services which services to start (none starts only the infrastructure)
 * @param reminderDemoOffset when, after a deadline is computed, deadline-service fires an
 * extra demo reminder, or {@code null} for none
 * @param serviceArguments more {@code --name=value} arguments given to every service
 */
public record Settings(Path dataDirectory, int kafkaPort, int mongoPort, int smtpPort, int consolePort, int issuerPort,
		Map<PlazoService, Integer> servicePorts, boolean persistentMongo, Set<PlazoService> services,
		Duration reminderDemoOffset, List<String> serviceArguments) {

	public Settings {
		Objects.requireNonNull(dataDirectory, "dataDirectory");
		servicePorts = Map.copyOf(servicePorts);
		EnumSet<PlazoService> inOrder = EnumSet.noneOf(PlazoService.class);
		inOrder.addAll(services);
		services = Collections.unmodifiableSet(inOrder);
		serviceArguments = List.copyOf(serviceArguments);
		for (PlazoService service : PlazoService.values()) {
			if (!servicePorts.containsKey(service)) {
				throw new IllegalArgumentException("No port for " + service.serviceName());
			}
		}
	}

	/**
	 * The usual ports, data in {@code ./.plazo-data}, all three services, a demo reminder
	 * after a minute.
	 */
	public static Settings defaults() {
		Map<PlazoService, Integer> ports = new EnumMap<>(PlazoService.class);
		for (PlazoService service : PlazoService.values()) {
			ports.put(service, service.defaultPort());
		}
		return new Settings(Path.of(".plazo-data"), 9092, 27017, 1025, 8080, 9000, ports, true,
				EnumSet.allOf(PlazoService.class), Duration.ofMinutes(1), List.of());
	}

	/** Free ports, data in {@code dataDirectory}, MongoDB in memory, no services. */
	public static Settings forTests(Path dataDirectory) {
		return defaults().withDataDirectory(dataDirectory).withFreePorts().withInMemoryMongo().withoutServices();
	}

	public Settings withDataDirectory(Path dataDirectory) {
		return new Settings(dataDirectory, this.kafkaPort, this.mongoPort, this.smtpPort, this.consolePort,
				this.issuerPort, this.servicePorts, this.persistentMongo, this.services, this.reminderDemoOffset,
				this.serviceArguments);
	}

	/** Every port 0, so the stack takes free ones and runs beside another. */
	public Settings withFreePorts() {
		Map<PlazoService, Integer> ports = new EnumMap<>(PlazoService.class);
		for (PlazoService service : PlazoService.values()) {
			ports.put(service, 0);
		}
		return new Settings(this.dataDirectory, 0, 0, 0, 0, 0, ports, this.persistentMongo, this.services,
				this.reminderDemoOffset, this.serviceArguments);
	}

	public Settings withKafkaPort(int port) {
		return new Settings(this.dataDirectory, port, this.mongoPort, this.smtpPort, this.consolePort, this.issuerPort,
				this.servicePorts, this.persistentMongo, this.services, this.reminderDemoOffset, this.serviceArguments);
	}

	public Settings withMongoPort(int port) {
		return new Settings(this.dataDirectory, this.kafkaPort, port, this.smtpPort, this.consolePort, this.issuerPort,
				this.servicePorts, this.persistentMongo, this.services, this.reminderDemoOffset, this.serviceArguments);
	}

	public Settings withSmtpPort(int port) {
		return new Settings(this.dataDirectory, this.kafkaPort, this.mongoPort, port, this.consolePort, this.issuerPort,
				this.servicePorts, this.persistentMongo, this.services, this.reminderDemoOffset, this.serviceArguments);
	}

	public Settings withConsolePort(int port) {
		return new Settings(this.dataDirectory, this.kafkaPort, this.mongoPort, this.smtpPort, port, this.issuerPort,
				this.servicePorts, this.persistentMongo, this.services, this.reminderDemoOffset, this.serviceArguments);
	}

	public Settings withIssuerPort(int port) {
		return new Settings(this.dataDirectory, this.kafkaPort, this.mongoPort, this.smtpPort, this.consolePort, port,
				this.servicePorts, this.persistentMongo, this.services, this.reminderDemoOffset, this.serviceArguments);
	}

	public Settings withPersistentMongo() {
		return new Settings(this.dataDirectory, this.kafkaPort, this.mongoPort, this.smtpPort, this.consolePort,
				this.issuerPort, this.servicePorts, true, this.services, this.reminderDemoOffset,
				this.serviceArguments);
	}

	public Settings withInMemoryMongo() {
		return new Settings(this.dataDirectory, this.kafkaPort, this.mongoPort, this.smtpPort, this.consolePort,
				this.issuerPort, this.servicePorts, false, this.services, this.reminderDemoOffset,
				this.serviceArguments);
	}

	public Settings withServices(PlazoService... services) {
		return new Settings(this.dataDirectory, this.kafkaPort, this.mongoPort, this.smtpPort, this.consolePort,
				this.issuerPort, this.servicePorts, this.persistentMongo, Set.of(services), this.reminderDemoOffset,
				this.serviceArguments);
	}

	public Settings withoutServices() {
		return withServices();
	}

	public Settings withReminderDemoOffset(Duration offset) {
		return new Settings(this.dataDirectory, this.kafkaPort, this.mongoPort, this.smtpPort, this.consolePort,
				this.issuerPort, this.servicePorts, this.persistentMongo, this.services, offset, this.serviceArguments);
	}

	public Settings withServiceArguments(String... arguments) {
		return new Settings(this.dataDirectory, this.kafkaPort, this.mongoPort, this.smtpPort, this.consolePort,
				this.issuerPort, this.servicePorts, this.persistentMongo, this.services, this.reminderDemoOffset,
				List.of(arguments));
	}

	Path kafkaDirectory() {
		return this.dataDirectory.resolve("kafka");
	}

	Path mongoFile() {
		return this.dataDirectory.resolve("mongo").resolve("plazo.mv");
	}

	Path smsOutbox() {
		return this.dataDirectory.resolve("sms").resolve("outbox.jsonl");
	}

	Path clockOffsetFile() {
		return this.dataDirectory.resolve("clock-offset.txt");
	}

}
