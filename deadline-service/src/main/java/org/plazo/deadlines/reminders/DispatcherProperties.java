package org.plazo.deadlines.reminders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dispatcher divides time, and how dispatchers divide the reminders.
 *
 * @param pollInterval how often (wall time) the next window of due reminders is loaded
 * @param lookahead how far ahead of now a window reaches (rounded up to the minute)
 * @param lease how long a dispatcher holds its slots without renewing them; a dead
 * dispatcher's slots pass to the others after this
 * @param rescan how far back each window reads its buckets again, for reminders another
 * instance listed late
 * @param sweepInterval how often (wall time) the dispatcher also queries by status and
 * time for anything no bucket listed: the safety net
 * @param instanceId this dispatcher's name among the others, kept across restarts; blank:
 * the application's name, host and port
 */
@ConfigurationProperties("plazo.dispatcher")
public record DispatcherProperties(Duration pollInterval, Duration lookahead, Duration lease, Duration rescan,
		Duration sweepInterval, String instanceId) {

	public DispatcherProperties {
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(5);
		lookahead = (lookahead != null) ? lookahead : Duration.ofMinutes(1);
		lease = (lease != null) ? lease : Duration.ofSeconds(30);
		rescan = (rescan != null) ? rescan : Duration.ofMinutes(2);
		sweepInterval = (sweepInterval != null) ? sweepInterval : Duration.ofHours(1);
		if (lookahead.compareTo(pollInterval) < 0) {
			throw new IllegalArgumentException("plazo.dispatcher.lookahead must be at least the poll interval");
		}
		if (lease.compareTo(pollInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("plazo.dispatcher.lease must be at least twice the poll interval");
		}
	}

}
