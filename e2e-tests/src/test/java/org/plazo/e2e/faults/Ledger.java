package org.plazo.e2e.faults;

import java.util.Map;
import java.util.Set;

/**
 * What one scenario expected at the notify boundary against what the SMS provider was
 * asked to send: each expected key (a phone number, or a notification id) exactly once.
 *
 * @param scenario the scenario
 * @param seed its seed
 * @param sent how many messages were expected
 * @param delivered how many expected keys the provider received at least once
 * @param lost expected keys it never received
 * @param duplicates messages beyond the first for a key, plus messages for keys nobody
 * expected
 */
record Ledger(String scenario, long seed, int sent, int delivered, int lost, int duplicates) {

	static final String HEADER = String.format("%-30s %6s %6s %9s %4s %10s", "scenario", "seed", "sent", "delivered",
			"lost", "duplicates");

	/**
	 * @param expected the keys that must each reach the provider once
	 * @param received how often the provider received each key of this scenario
	 */
	static Ledger of(String scenario, long seed, Set<String> expected, Map<String, Long> received) {
		int delivered = 0;
		int duplicates = 0;
		for (Map.Entry<String, Long> entry : received.entrySet()) {
			if (expected.contains(entry.getKey())) {
				delivered++;
				duplicates += (int) (entry.getValue() - 1);
			}
			else {
				duplicates += entry.getValue().intValue();
			}
		}
		return new Ledger(scenario, seed, expected.size(), delivered, expected.size() - delivered, duplicates);
	}

	String line() {
		return String.format("%-30s %6d %6d %9d %4d %10d", this.scenario, this.seed, this.sent, this.delivered,
				this.lost, this.duplicates);
	}

}
