package org.plazo.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How big each measurement is. {@link #full()} is issue 9's; {@link #smoke()} runs every
 * phase at a tiny scale (most of its time is start-up), as a test, so the benchmark
 * cannot rot.
 */
record Scale(String name, int ceilingRecords, int ingestEvents, int ingestWarmup, Duration ingestPacedFor,
		List<Integer> pendingCounts, int headlinePending, int burst, Duration burstLimit, int steadyPending,
		int steadyPerSecond, Duration steadyFor, Duration steadyDrain, int recoveryOverdue, int recoveryPending,
		Duration recoveryLimit, int baselineReminders, Duration baselineLimit, int deliveryPeople,
		Duration deliveryLimit, int memoryPending, int probeSettleSeconds, List<Integer> shapeDocuments,
		String mongoHeap, Duration dispatchLead, boolean probeNotify, int ingestPreloaded, Duration pollInterval) {

	static Scale smoke() {
		// Small enough for every `./mvnw verify`: the time goes to starting contexts and
		// JVMs.
		return new Scale("smoke", 1_000, 20, 5, Duration.ofSeconds(1), List.of(300), 300, 300, Duration.ofSeconds(20),
				300, 50, Duration.ofSeconds(2), Duration.ofSeconds(5), 300, 0, Duration.ofSeconds(20), 100,
				Duration.ofSeconds(20), 4, Duration.ofSeconds(20), 300, 1, List.of(300), "256m", Duration.ofSeconds(2),
				false, 300, Duration.ofSeconds(1));
	}

	static Scale full() {
		return new Scale("full", 200_000, 3_000, 300, Duration.ofSeconds(20), List.of(10_000, 100_000, 1_000_000),
				1_000_000, 100_000, Duration.ofSeconds(150), 1_000_000, 500, Duration.ofSeconds(60),
				Duration.ofSeconds(60), 100_000, 0, Duration.ofSeconds(180), 100_000, Duration.ofSeconds(180), 1_000,
				Duration.ofSeconds(180), 1_000_000, 12, List.of(100_000, 1_000_000), "8g", Duration.ofSeconds(20), true,
				100_000, Duration.ofSeconds(5));
	}

	static Scale named(String name) {
		return switch (name) {
			case "smoke" -> smoke();
			case "full" -> full();
			default -> throw new IllegalArgumentException("bench.scale is smoke or full, not " + name);
		};
	}

}
