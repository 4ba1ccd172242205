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
	void deadlineAndNotifyCheckTheDevelopmentOperationsToken() {
		assertThat(ServiceLauncher.operationsArguments(PlazoService.DEADLINE, this.ports))
			.containsExactly("--plazo.operations.token=" + ServiceLauncher.DEV_OPERATIONS_TOKEN);
		assertThat(ServiceLauncher.operationsArguments(PlazoService.NOTIFY, this.ports))
			.containsExactly("--plazo.operations.token=" + ServiceLauncher.DEV_OPERATIONS_TOKEN);
	}

	@Test
	void theConsoleSendsThatTokenToTheServicesWhereTheStackRunsThem() {
		assertThat(ServiceLauncher.operationsArguments(PlazoService.CASE, this.ports)).containsExactly(
				"--plazo.console.operations-token=" + ServiceLauncher.DEV_OPERATIONS_TOKEN,
				"--plazo.console.deadline-service-url=http://localhost:18082",
				"--plazo.console.notify-service-url=http://localhost:18083");
	}

}
