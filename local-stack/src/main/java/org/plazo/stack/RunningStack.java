package org.plazo.stack;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack once {@link LocalStack#start(Settings)} has started it: where each part
 * listens, the shared clock, what was sent, and {@link #close()} to stop it all.
 */
public final class RunningStack implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RunningStack.class);

	private final Settings settings;

	private final MovableClock clock;

	private final MailServer mail;

	private final MongoWireServer mongo;

	private final KafkaBroker kafka;

	private final LocalIssuer issuer;

	private final List<RunningService> services;

	private final DevConsole console;

	private final SmsOutbox sms;

	private final AtomicBoolean closed = new AtomicBoolean();

	RunningStack(Settings settings, MovableClock clock, MailServer mail, MongoWireServer mongo, KafkaBroker kafka,
			LocalIssuer issuer, List<RunningService> services, DevConsole console, SmsOutbox sms) {
		this.settings = settings;
		this.clock = clock;
		this.mail = mail;
		this.mongo = mongo;
		this.kafka = kafka;
		this.issuer = issuer;
		this.services = List.copyOf(services);
		this.console = console;
		this.sms = sms;
	}

	/** The clock every service reads; move it to make reminders fall due. */
	public MovableClock clock() {
		return this.clock;
	}

	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	public String mongoUri(String database) {
		return this.mongo.uri(database);
	}

	public int smtpPort() {
		return this.mail.port();
	}

	public String consoleUrl() {
		return this.console.url();
	}

	/** The local token issuer's base URL, such as {@code http://localhost:9000}. */
	public String issuerUrl() {
		return issuer().url();
	}

	/**
	 * A bearer token of one of the issuer's development clients
	 * ({@link LocalIssuer#CLIENTS}), such as {@code stack.token("dev-operator")}.
	 */
	public String token(String clientId) {
		return issuer().token(clientId);
	}

	private LocalIssuer issuer() {
		if (this.issuer == null) {
			throw new IllegalStateException("No token issuer runs: the stack was started without services");
		}
		return this.issuer;
	}

	/** The base URL of a running service, such as {@code http://localhost:8081}. */
	public String serviceUrl(PlazoService service) {
		return this.services.stream()
			.filter((running) -> running.service() == service)
			.findFirst()
			.map(RunningService::url)
			.orElseThrow(() -> new IllegalStateException(service.serviceName() + " was not started"));
	}

	List<RunningService> services() {
		return this.services;
	}

	public Path dataDirectory() {
		return this.settings.dataDirectory();
	}

	/** The mail the SMTP server received, oldest first. */
	public List<ReceivedMail> receivedMail() {
		return this.mail.messages();
	}

	/** The SMS the dev adapter wrote to the outbox, oldest first. */
	public List<OutboxSms> sentSms() {
		return this.sms.messages();
	}

	/**
	 * What a person needs to use the stack: the URLs, how to move the clock, a sample
	 * request.
	 */
	public String summary() {
		StringBuilder text = new StringBuilder(LocalStack.WARNING);
		text.append(String.format("%n  %-18s %s   (mail: %s/mail, SMS: %s/sms)%n", "Dev console", consoleUrl(),
				consoleUrl(), consoleUrl()));
		for (RunningService service : this.services) {
			text.append(String.format("  %-18s %s   (OpenAPI: %s/v3/api-docs, UI: %s/swagger-ui.html)%n",
					service.service().serviceName(), service.url(), service.url(), service.url()));
		}
		text.append(String.format("  %-18s %s%n", "Kafka", kafkaBootstrapServers()));
		text.append(String.format("  %-18s mongodb://localhost:%d%n", "MongoDB", this.mongo.port()));
		text.append(String.format("  %-18s localhost:%d%n", "SMTP", smtpPort()));
		text.append(String.format("  %-18s %s   (delete it to start afresh)%n", "Data",
				dataDirectory().toAbsolutePath().normalize()));
		text.append(String.format("  %-18s %s in Panama (offset %s)%n", "Clock",
				this.clock.instant().atZone(MovableClock.PANAMA).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS),
				this.clock.offset()));
		if (this.issuer != null) {
			text.append(issuerClients(this.issuer.url()));
		}
		if (this.services.stream().anyMatch((service) -> service.service() == PlazoService.CASE)) {
			text.append(String.format("%nRegister a case (first a caseworker's token, then the case):%n%s%n%s%n",
					Samples.token(this.issuer.url(), "dev-caseworker-ana"), Samples.createCase(
							serviceUrl(PlazoService.CASE), LocalDate.now(this.clock.withZone(MovableClock.PANAMA)))));
		}
		if (this.services.stream().anyMatch((service) -> service.service() == PlazoService.CASE)) {
			text.append(consoleUsers(serviceUrl(PlazoService.CASE)));
		}
		boolean deadlinesRun = this.services.stream().anyMatch((service) -> service.service() == PlazoService.DEADLINE);
		if (deadlinesRun && this.settings.reminderDemoOffset() != null) {
			text.append(String.format("%nA demo reminder fires %s after each deadline is computed.%n",
					this.settings.reminderDemoOffset()));
		}
		text.append(
				String.format("%nMove the clock (ISO-8601 period or duration: P30D, P6M, PT2H), or go back:%n%s%n%s%n",
						Samples.advanceClock(consoleUrl(), "P6M"), Samples.resetClock(consoleUrl())));
		text.append(String.format("%nCtrl-C stops everything; the data stays in the data folder.%n"));
		return text.toString();
	}

	/** The token issuer and its fixed development clients, said loudly. */
	static String issuerClients(String issuerUrl) {
		StringBuilder text = new StringBuilder(String.format("%n  %-18s %s/oauth2/token   (keys: %s/oauth2/jwks)%n",
				"Token issuer", issuerUrl, issuerUrl));
		text.append(String.format(
				"  !! DEVELOPMENT CLIENTS with public secrets (client_credentials): never beyond this machine !!%n"));
		for (LocalIssuer.Client client : LocalIssuer.CLIENTS) {
			text.append(String.format("     %-20s secret %-28s roles %s%s%n", client.clientId(), client.secret(),
					client.roles(), client.scopes().isEmpty() ? "" : ", scope " + String.join(" ", client.scopes())));
		}
		return text.toString();
	}

	/** The operator console and its fixed development users, said loudly. */
	static String consoleUsers(String caseServiceUrl) {
		StringBuilder text = new StringBuilder(
				String.format("%n  %-18s %s/console%n", "Operator console", caseServiceUrl));
		text.append(
				String.format("  !! DEVELOPMENT USERS with public passwords: never use them beyond this machine !!%n"));
		for (DevConsoleUser user : ServiceLauncher.DEV_CONSOLE_USERS) {
			text.append(
					String.format("     %-14s password %-24s (%s)%n", user.username(), user.password(), user.role()));
		}
		return text.toString();
	}

	/** Stops the services first, then the dev console, Kafka, MongoDB and SMTP. */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		List<AutoCloseable> parts = new ArrayList<>();
		parts.add(this.console);
		List<RunningService> services = new ArrayList<>(this.services);
		Collections.reverse(services);
		parts.addAll(services);
		if (this.issuer != null) {
			parts.add(this.issuer);
		}
		parts.add(this.kafka);
		parts.add(this.mongo);
		parts.add(this.mail);
		closeAll(parts);
	}

	/** Closes each part in order, going on past a failure so the rest still stops. */
	static void closeAll(List<? extends AutoCloseable> parts) {
		for (AutoCloseable part : parts) {
			try {
				part.close();
			}
			catch (Exception ex) {
				logger.warn("Could not stop {} cleanly", part.getClass().getSimpleName(), ex);
			}
		}
	}

}
