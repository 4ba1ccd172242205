package org.plazo.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One service in its own JVM, a child of this one, so that it can be killed abruptly
 * ({@link #kill()}: SIGKILL) or stopped as a platform would stop it ({@link #stop}:
 * SIGTERM). The fault-injection tests use it; the embedded default runs the services in
 * one JVM instead (ADR 0004). The child gets the classpath it is given and the arguments
 * {@link ServiceLauncher} gives a service in this JVM, minus those that only make sense
 * there: a child closes itself on SIGTERM through Spring Boot's shutdown hook.
 */
public final class ServiceProcess implements AutoCloseable {

	private final PlazoService service;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceProcess(PlazoService service, int port, Process process, Path log) {
		this.service = service;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a service in a child JVM and returns at once; poll its health endpoint to
	 * know when it is up.
	 * @param service which service
	 * @param infrastructure where the stack's Kafka, MongoDB and SMTP are
	 * @param port the HTTP port the service listens on
	 * @param classpath the child's classpath
	 * @param jvmOptions options for the child JVM, e.g. {@code -Xmx256m}
	 * @param arguments more {@code --name=value} arguments
	 * @param log the file the child's standard output and error go to (appended)
	 */
	public static ServiceProcess start(PlazoService service, Infrastructure infrastructure, int port, String classpath,
			List<String> jvmOptions, List<String> arguments, Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classpath);
		command.add(service.applicationClassName());
		command.addAll(ServiceLauncher.infrastructureArguments(service, port,
				infrastructure.mongoUriPrefix() + service.database(), infrastructure.kafkaBootstrapServers(),
				infrastructure.smtpPort(), infrastructure.smsOutbox(), infrastructure.reminderDemoOffset()));
		command.add("--spring.main.banner-mode=off");
		command.addAll(arguments);
		Files.createDirectories(log.toAbsolutePath().getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		return new ServiceProcess(service, port, process, log);
	}

	public PlazoService service() {
		return this.service;
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** The file the child's output goes to. */
	public Path log() {
		return this.log;
	}

	/** Kills the process abruptly (SIGKILL) and waits until it is gone. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/**
	 * Asks the process to stop (SIGTERM) and waits for it at most {@code timeout}; kills
	 * it if it has not stopped by then.
	 * @return its exit code, or empty when it had to be killed
	 */
	public OptionalInt stop(Duration timeout) throws InterruptedException {
		this.process.destroy();
		if (this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			return OptionalInt.of(this.process.exitValue());
		}
		kill();
		return OptionalInt.empty();
	}

	/** Kills the process if it is still running. */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Where the stack's infrastructure is, for services in their own processes.
	 *
	 * @param kafkaBootstrapServers Kafka
	 * @param mongoUriPrefix {@code mongodb://host:port/}, to which each service's
	 * database name is appended
	 * @param smtpPort the SMTP port
	 * @param smsOutbox the dev SMS outbox file notify-service appends to
	 * @param reminderDemoOffset the demo reminder's offset, or {@code null} for none
	 */
	public record Infrastructure(String kafkaBootstrapServers, String mongoUriPrefix, int smtpPort, Path smsOutbox,
			Duration reminderDemoOffset) {

	}

}
