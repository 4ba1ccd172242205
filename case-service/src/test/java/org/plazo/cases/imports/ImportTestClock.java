package org.plazo.cases.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Fixes the service's clock at {@link #NOW}: Tuesday 10 March 2026, 10:00 in Panama.
 */
@TestConfiguration(proxyBeanMethods = false)
class ImportTestClock {

	static final Instant NOW = Instant.parse("2026-03-10T15:00:00.123456Z");

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

}
