package org.plazo.deadlines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run on the build machines (no Docker engine): this reads it
 * instead. It must parse, take every credential from .env with no default, and run the
 * services in the prod profile with nothing that overrides the profile's credentials.
 */
class DockerComposeTests {

	private static final Path ROOT = Path.of("..");

	/** A compose placeholder; {@code $${X}} is a literal for the container's shell. */
	private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)(:?[?-])?([^}]*)}");

	@Test
	void takesEveryCredentialFromTheEnvironmentWithoutADefault() throws IOException {
		String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
		Set<String> required = new LinkedHashSet<>();
		Matcher placeholder = PLACEHOLDER.matcher(compose);
		while (placeholder.find()) {
			assertThat(placeholder.group(2)).as(placeholder.group(1)).isEqualTo(":?");
			required.add(placeholder.group(1));
		}
		assertThat(required).contains("PLAZO_KAFKA_DEADLINE_PASSWORD", "PLAZO_MONGODB_DEADLINE_PASSWORD",
				"PLAZO_KAFKA_NOTIFY_PASSWORD", "PLAZO_MONGODB_NOTIFY_PASSWORD", "PLAZO_KAFKA_CASE_PASSWORD",
				"PLAZO_MONGODB_CASE_PASSWORD", "PLAZO_MONGODB_ROOT_PASSWORD", "PLAZO_JWT_ISSUER_URI");

		String example = Files.readString(ROOT.resolve(".env.example"));
		for (String name : required) {
			assertThat(example).as(name).containsPattern("(?m)^" + name + "=");
		}
		assertThat(example).doesNotContainPattern("(?m)^[A-Z_]*PASSWORD=.+$");
	}

	@Test
	@SuppressWarnings("unchecked")
	void runsTheServicesInTheProdProfileWithTheirOwnUsers() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		for (String name : List.of("case-service", "deadline-service", "notify-service")) {
			Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(name))
				.get("environment");
			assertThat((String) environment.get("SPRING_PROFILES_ACTIVE")).as(name).contains("prod");
			assertThat(environment).as(name)
				.containsKeys("PLAZO_KAFKA_USERNAME", "PLAZO_KAFKA_PASSWORD", "PLAZO_MONGODB_USERNAME",
						"PLAZO_MONGODB_PASSWORD")
				.doesNotContainKeys("SPRING_MONGODB_URI", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
		}
		Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) services.get("kafka"))
			.get("environment");
		assertThat((String) kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("SASL:SASL_PLAINTEXT")
			.doesNotContain("SASL:PLAINTEXT");
		assertThat(Files.isRegularFile(ROOT.resolve("docker/kafka/start.sh"))).isTrue();
		assertThat(Files.readString(ROOT.resolve("docker/mongo/create-users.js"))).contains("readWrite");
	}

}
