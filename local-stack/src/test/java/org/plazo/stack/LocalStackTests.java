package org.plazo.stack;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class LocalStackTests {

	@TempDir
	Path dataDirectory;

	@Test
	void startsTheInfrastructureAndStopsItAgain() throws Exception {
		Settings settings = Settings.forTests(this.dataDirectory).withPersistentMongo();
		try (RunningStack stack = LocalStack.start(settings)) {
			try (MongoClient client = MongoClients.create(stack.mongoUri("plazo-cases"))) {
				client.getDatabase("plazo-cases").getCollection("cases").insertOne(new Document("_id", "case-1"));
			}
			stack.clock().advance(Duration.ofDays(1));
			String index = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(stack.consoleUrl() + "/")).build(), BodyHandlers.ofString())
				.body();
			assertThat(index).contains("DEVELOPMENT").contains("None started");
			assertThat(stack.summary()).contains("DEVELOPMENT", stack.consoleUrl(), stack.kafkaBootstrapServers(),
					"/api/clock/advance?by=P6M");
		}
		assertThat(this.dataDirectory.resolve("kafka/meta.properties")).isRegularFile();
		assertThat(this.dataDirectory.resolve("mongo/plazo.mv")).isRegularFile();
		assertThat(MovableClock.persistent(this.dataDirectory.resolve("clock-offset.txt")).offset())
			.isEqualTo(Duration.ofDays(1));
	}

	@Test
	void namesTheServicesThatAreNotOnTheClasspath() {
		assumeFalse(ServiceLauncher.isOnClasspath(PlazoService.CASE), "case-service is on the classpath");
		Settings settings = Settings.forTests(this.dataDirectory).withServices(PlazoService.CASE);
		assertThatIllegalStateException().isThrownBy(() -> LocalStack.start(settings))
			.withMessageContaining("case-service");
		assertThat(this.dataDirectory).isEmptyDirectory();
	}

	@Test
	void namesThePortsInUseBeforeStartingAnything() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Settings settings = Settings.forTests(this.dataDirectory).withKafkaPort(taken.getLocalPort());
			assertThatIllegalStateException().isThrownBy(() -> LocalStack.start(settings))
				.withMessageContaining("Kafka (--kafka-port) " + taken.getLocalPort());
		}
		assertThat(this.dataDirectory).isEmptyDirectory();
	}

	@Test
	void readsItsSettingsFromTheCommandLine() {
		Settings settings = LocalStack.parse(new String[] { "--data-dir=/tmp/elsewhere", "--kafka-port=19092",
				"--console-port=0", "--demo-offset=PT5M", "--no-services" }, Settings.defaults());
		assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/elsewhere"));
		assertThat(settings.kafkaPort()).isEqualTo(19092);
		assertThat(settings.consolePort()).isZero();
		assertThat(settings.mongoPort()).isEqualTo(27017);
		assertThat(settings.reminderDemoOffset()).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.services()).isEmpty();
	}

	@Test
	void refusesUnknownOptionsAndBadPorts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalStack.parse(new String[] { "--kafka-port=99999" }, Settings.defaults()))
			.withMessageContaining("--kafka-port=99999");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalStack.parse(new String[] { "--colour=blue" }, Settings.defaults()))
			.withMessageContaining("--colour");
	}

}
