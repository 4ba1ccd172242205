package org.plazo.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

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
