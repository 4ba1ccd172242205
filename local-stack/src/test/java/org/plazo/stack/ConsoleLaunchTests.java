package org.plazo.stack;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the stack starts the operator console: with its fixed development users, said
 * loudly, and told where deadline-service and notify-service listen, free ports included.
 */
class ConsoleLaunchTests {

	@Test
	void givesCaseServiceTheDevelopmentUsersWithBcryptHashesOnly() throws Exception {
		try (MongoWireServer mongo = MongoWireServer.start(null, 0, Clock.systemUTC())) {
			ServiceLauncher launcher = new ServiceLauncher(Settings.defaults().withDataDirectory(Path.of("/tmp/x")),
					MovableClock.system(), "localhost:9092", mongo, 1025, "http://localhost:9000");
			assertThat(launcher.arguments(PlazoService.CASE))
				.contains("--plazo.console.users[0].username=dev-operator", "--plazo.console.users[0].role=OPERATOR",
						"--plazo.console.users[1].username=dev-viewer", "--plazo.console.users[1].role=VIEWER")
				.anyMatch((argument) -> argument.startsWith("--plazo.console.users[0].password-hash=$2a$10$"))
				.noneMatch((argument) -> argument.contains("dev-operator-password"));
			assertThat(launcher.arguments(PlazoService.DEADLINE))
				.noneMatch((argument) -> argument.startsWith("--plazo.console.users"));
		}
	}

	@Test
	void choosesFreePortsUpFrontSoTheConsoleKnowsWhereTheOthersListen() {
		Map<PlazoService, Integer> ports = ServiceLauncher
			.resolvePorts(Map.of(PlazoService.CASE, 8081, PlazoService.DEADLINE, 0, PlazoService.NOTIFY, 0));
		assertThat(ports.get(PlazoService.CASE)).isEqualTo(8081);
		assertThat(ports.get(PlazoService.DEADLINE)).isPositive();
		assertThat(ports.get(PlazoService.NOTIFY)).isPositive().isNotEqualTo(ports.get(PlazoService.DEADLINE));
	}

	@Test
	void printsTheConsoleAndItsDevelopmentUsersLoudly() {
		assertThat(RunningStack.consoleUsers("http://localhost:8081")).contains("http://localhost:8081/console")
			.contains("DEVELOPMENT USERS")
			.contains("dev-operator")
			.contains("dev-operator-password")
			.contains("dev-viewer-password");
	}

}
