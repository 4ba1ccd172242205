package org.plazo.stack;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLauncherTests {

	private final Settings settings = Settings.defaults().withDataDirectory(Path.of("/tmp/plazo-data"));

	@Test
	void pointsEachServiceAtItsOwnDatabaseAndTheSharedInfrastructure() throws Exception {
		try (MongoWireServer mongo = MongoWireServer.start(null, 0, Clock.systemUTC())) {
			ServiceLauncher launcher = new ServiceLauncher(this.settings, MovableClock.system(), "localhost:19092",
					mongo, 2525, "http://localhost:9000");
			assertThat(launcher.arguments(PlazoService.CASE))
				.contains("--server.port=8081",
						"--spring.mongodb.uri=mongodb://localhost:" + mongo.port() + "/plazo-cases",
						"--spring.kafka.bootstrap-servers=localhost:19092")
				.noneMatch((argument) -> argument.startsWith("--spring.mail"));
			assertThat(launcher.arguments(PlazoService.DEADLINE)).contains("--server.port=8082",
					"--spring.mongodb.uri=mongodb://localhost:" + mongo.port() + "/plazo-deadlines",
					"--plazo.reminders.demo-offset=PT1M");
			assertThat(launcher.arguments(PlazoService.NOTIFY)).contains("--server.port=8083",
					"--spring.mongodb.uri=mongodb://localhost:" + mongo.port() + "/plazo-notify",
					"--spring.mail.host=localhost", "--spring.mail.port=2525",
					"--plazo.sms.dev.outbox=" + Path.of("/tmp/plazo-data/sms/outbox.jsonl"));
		}
	}

	@Test
	void leavesTheShutdownToTheStackAndPassesExtraArguments() throws Exception {
		Settings settings = this.settings.withReminderDemoOffset(null).withServiceArguments("--debug");
		try (MongoWireServer mongo = MongoWireServer.start(null, 0, Clock.systemUTC())) {
			String[] arguments = new ServiceLauncher(settings, MovableClock.system(), "localhost:9092", mongo, 1025,
					"http://localhost:9000")
				.arguments(PlazoService.DEADLINE);
			assertThat(arguments).contains("--spring.main.register-shutdown-hook=false", "--debug")
				.noneMatch((argument) -> argument.startsWith("--plazo.reminders.demo-offset"));
			assertThat(arguments[arguments.length - 1]).isEqualTo("--debug");
		}
	}

	@Test
	void givesTheApplicationTheSharedClockInsteadOfItsOwn() {
		MovableClock clock = MovableClock.system();
		try (ConfigurableApplicationContext context = ServiceLauncher.run(ClockApplication.class, clock,
				"--spring.main.web-application-type=none", "--spring.main.banner-mode=off")) {
			assertThat(context.getBean(Clock.class)).isSameAs(clock);
		}
	}

	/** Declares its clock the way every Plazo service does. */
	@Configuration(proxyBeanMethods = false)
	static class ClockApplication {

		@Bean
		@ConditionalOnMissingBean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
