package org.plazo.stack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations token reaches the services that check it and the console that sends it,
 * with the addresses the stack gives the services.
 */
class OperationsArgumentsTests {

	private final Map<PlazoService, Integer> ports = Map.of(PlazoService.CASE, 18081, PlazoService.DEADLINE, 18082,
			PlazoService.NOTIFY, 18083);

	@Test
	void notifyLooksUpContactDetailsWhereTheStackRunsCaseService() {
		assertThat(ServiceLauncher.operationsArguments(PlazoService.NOTIFY, this.ports))
			.containsExactly("--plazo.recipients.case-service-url=http://localhost:18081");
		assertThat(ServiceLauncher.operationsArguments(PlazoService.DEADLINE, this.ports)).isEmpty();
	}

	@Test
	void theConsoleCallsTheServicesWhereTheStackRunsThem() {
		assertThat(ServiceLauncher.operationsArguments(PlazoService.CASE, this.ports)).containsExactly(
				"--plazo.console.deadline-service-url=http://localhost:18082",
				"--plazo.console.notify-service-url=http://localhost:18083");
	}

}
