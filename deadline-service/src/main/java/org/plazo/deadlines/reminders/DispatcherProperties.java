package org.plazo.deadlines.reminders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dispatcher divides time.
 *
 * @param pollInterval how often (wall time) the next window of due reminders is loaded
 * @param lookahead how far ahead of now a window reaches
 * @param lease how long a claimed reminder stays with its dispatcher before another may
 * claim it
 */
@ConfigurationProperties("plazo.dispatcher")
public record DispatcherProperties(Duration pollInterval, Duration lookahead, Duration lease) {

	public DispatcherProperties {
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(5);
		lookahead = (lookahead != null) ? lookahead : Duration.ofMinutes(1);
		lease = (lease != null) ? lease : Duration.ofSeconds(30);
		if (lookahead.compareTo(pollInterval) < 0) {
			throw new IllegalArgumentException("plazo.dispatcher.lookahead must be at least the poll interval");
		}
	}

}
