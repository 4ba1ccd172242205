package org.plazo.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service's context alone in a JVM, to measure its heap after a full collection and its
 * resident set size honestly: the benchmark's broker and the MongoDB stand-in live
 * elsewhere.
 */
public final class ServiceProbe {

	record Measure(double heapMb, double rssMb, double startSeconds) {
	}

	private ServiceProbe() {
	}

	static Measure run(String applicationClass, List<String> serviceArgs, Instant clockAt, int settleSeconds, Path log)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Jvm.java(), "-Xmx1g"));
		if (Boolean.getBoolean("bench.probe.quick")) {
			// The smoke run only checks that the probe works: start faster.
			command.add("-XX:TieredStopAtLevel=1");
		}
		if (Boolean.getBoolean("bench.jfr")) {
			command.add("-XX:StartFlightRecording=filename=" + log.toString().replace(".log", ".jfr")
					+ ",settings=profile");
		}
		command.addAll(List.of("-cp", Jvm.classpath(), ServiceProbe.class.getName(), applicationClass,
				clockAt.toString(), String.valueOf(settleSeconds)));
		command.addAll(serviceArgs);
		Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (!line.startsWith("PROBE ")) {
					java.nio.file.Files.writeString(log.resolveSibling(log.getFileName() + ".out"), line + "\n",
							java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
				}
				else {
					String[] parts = line.split(" ");
					return new Measure(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
							Double.parseDouble(parts[3]));
				}
			}
			throw new IOException("The probe gave no figures; see " + log);
		}
		finally {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	public static void main(String[] args) throws Exception {
		BenchClock clock = new BenchClock(Instant.parse(args[1]));
		long start = System.nanoTime();
		ConfigurableApplicationContext context = Services.start(args[0], clock, List.of(args).subList(3, args.length));
		double startSeconds = (System.nanoTime() - start) / 1e9;
		// Let the dispatcher load a few windows over the stored reminders.
		Thread.sleep(Integer.parseInt(args[2]) * 1000L);
		double heap = Jvm.heapAfterGcMb();
		double rss = Jvm.rssMb(ProcessHandle.current().pid());
		System.out.println("PROBE " + heap + " " + rss + " " + startSeconds);
		System.out.flush();
		context.close();
		System.exit(0);
	}

}
