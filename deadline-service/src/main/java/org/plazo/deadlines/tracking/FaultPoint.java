package org.plazo.deadlines.tracking;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Test only: halts this JVM abruptly, as a crash or SIGKILL would, when execution reaches
 * a named point, so that the fault-injection suite ({@code e2e-tests},
 * {@code org.plazo.e2e.faults}) can kill the service between its database write and its
 * Kafka send. Does nothing unless the JVM system property {@code plazo.faults.halt-at}
 * names the point; {@code plazo.faults.halt-after} (default 1) says at which passing.
 * Never set them outside tests.
 */
final class FaultPoint {

	/**
	 * After the state and its pending events are written, before the relay sends them.
	 */
	static final String OUTBOX_AFTER_WRITE = "outbox-after-write";

	private static final String HALT_AT = System.getProperty("plazo.faults.halt-at", "");

	private static final long HALT_AFTER = Long.getLong("plazo.faults.halt-after", 1);

	private static final AtomicLong passings = new AtomicLong();

	private FaultPoint() {
	}

	static void reached(String name) {
		if (HALT_AT.equals(name) && passings.incrementAndGet() >= HALT_AFTER) {
			System.err.println("Fault point " + name + " reached: halting (test only)");
			Runtime.getRuntime().halt(137);
		}
	}

}
