package org.plazo.benchmarks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a service's real Spring context in this JVM, with its clock replaced by the
 * benchmark's (registered as the singleton {@code clock}, which the services'
 * {@code @ConditionalOnMissingBean} clock then steps aside for).
 */
final class Services {

	static final String DEADLINE_SERVICE = "org.plazo.deadlines.DeadlineServiceApplication";

	static final String NOTIFY_SERVICE = "org.plazo.notify.NotifyServiceApplication";

	private Services() {
	}

	static ConfigurableApplicationContext start(String applicationClass, Clock clock, List<String> args) {
		try {
			Class<?> application = Class.forName(applicationClass);
			List<String> all = new ArrayList<>(
					List.of("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
							"--logging.level.org.apache.kafka=ERROR", "--spring.jmx.enabled=false"));
			all.addAll(args);
			return new SpringApplicationBuilder(application)
				.initializers((context) -> context.getBeanFactory().registerSingleton("clock", clock))
				.run(all.toArray(String[]::new));
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(applicationClass + " is not on the classpath", ex);
		}
	}

	/** Arguments that point deadline-service at the benchmark's broker and stand-in. */
	static List<String> deadlineServiceArgs(KafkaRig kafka, String mongoUri) {
		return List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
				"--spring.mongodb.uri=" + mongoUri, "--plazo.reminders.demo-offset=");
	}

}
