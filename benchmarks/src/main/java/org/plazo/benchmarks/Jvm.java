package org.plazo.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about this JVM and the machine, and what child JVMs need to start. */
final class Jvm {

	private Jvm() {
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static String classpath() {
		return System.getProperty("java.class.path");
	}

	/** Heap used after a full collection, in MB. */
	static double heapAfterGcMb() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
	}

	/**
	 * Heap used by another JVM after a full collection, in MB, through {@code jcmd}
	 * ({@code GC.run}, then {@code GC.heap_info}); 0 when it cannot be read.
	 */
	static double heapUsedMbAfterGc(long pid) {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		try {
			run(jcmd, String.valueOf(pid), "GC.run");
			// One "total ..K, used ..K" line per generation (or one for G1's whole heap).
			Matcher used = Pattern.compile("total \\d+K, used (\\d+)K")
				.matcher(run(jcmd, String.valueOf(pid), "GC.heap_info"));
			long kb = 0;
			while (used.find()) {
				kb += Long.parseLong(used.group(1));
			}
			return kb / 1024.0;
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		process.waitFor();
		return out;
	}

	/** Resident set size of a process, in MB, from /proc. */
	static double rssMb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux
		}
		return Double.NaN;
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static double loadAverage1m() {
		try {
			return Double.parseDouble(loadAverage().split(" ")[0]);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
