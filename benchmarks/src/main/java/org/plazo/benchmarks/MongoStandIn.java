package org.plazo.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The MongoDB stand-in (mongo-java-server, memory backend) in a JVM of its own, so that
 * the reminders it holds are not counted in the heap of the service that is measured. It
 * stops when its standard input closes, that is when the benchmark's JVM goes.
 */
public final class MongoStandIn implements AutoCloseable {

	private final Process process;

	private final int port;

	private MongoStandIn(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a stand-in in a child JVM.
	 * @param heap the child's maximum heap, e.g. {@code 4g}
	 * @param jvmFlags extra JVM flags (e.g. a flight recording)
	 * @param log where the child's output goes
	 * @return the running stand-in
	 * @throws IOException when it does not start
	 */
	static MongoStandIn start(String heap, List<String> jvmFlags, Path log) throws IOException {
		// G1, as the embedded default runs the stand-in (the JVM's choice on this kind of
		// machine). Parallel GC paused it for up to 3 s with a million reminders held,
		// which
		// showed as steady lateness.
		List<String> command = new ArrayList<>(List.of(Jvm.java(), "-Xmx" + heap, "-XX:+UseG1GC"));
		command.addAll(jvmFlags);
		command.addAll(List.of("-cp", Jvm.classpath(), MongoStandIn.class.getName()));
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith("PORT ")) {
				drain(out, log.resolveSibling(log.getFileName() + ".out"));
				return new MongoStandIn(process, Integer.parseInt(line.substring(5).trim()));
			}
		}
		throw new IOException("The MongoDB stand-in did not start; see " + log);
	}

	/**
	 * Keeps reading the child's standard output into a file: a full pipe would block the
	 * stand-in at its next log line.
	 */
	private static void drain(BufferedReader out, Path file) {
		Thread drainer = new Thread(() -> {
			try (var writer = Files.newBufferedWriter(file)) {
				String line;
				while ((line = out.readLine()) != null) {
					writer.write(line);
					writer.newLine();
				}
			}
			catch (IOException ex) {
				// the child has gone
			}
		}, "mongo-stand-in-output");
		drainer.setDaemon(true);
		drainer.start();
	}

	String uri(String database) {
		return "mongodb://127.0.0.1:" + this.port + "/" + database;
	}

	long pid() {
		return this.process.pid();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public static void main(String[] args) throws IOException {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		System.out.println("PORT " + server.getLocalAddress().getPort());
		System.out.flush();
		// Runs until the parent closes our standard input (or dies).
		while (System.in.read() != -1) {
			// nothing to read
		}
		server.shutdownNow();
		System.exit(0);
	}

}
