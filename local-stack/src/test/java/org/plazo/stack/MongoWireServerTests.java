package org.plazo.stack;

import java.nio.file.Path;
import java.time.Clock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MongoWireServerTests {

	@TempDir
	Path dataDirectory;

	@Test
	void keepsDocumentsInItsFileAcrossARestart() throws Exception {
		Path file = this.dataDirectory.resolve("mongo").resolve("plazo.mv");
		try (MongoWireServer server = MongoWireServer.start(file, 0, Clock.systemUTC());
				MongoClient client = MongoClients.create(server.uri("plazo-cases"))) {
			cases(client).insertOne(new Document("_id", "case-1").append("status", "OPEN"));
		}
		assertThat(file).isRegularFile();
		try (MongoWireServer restarted = MongoWireServer.start(file, 0, Clock.systemUTC());
				MongoClient client = MongoClients.create(restarted.uri("plazo-cases"))) {
			assertThat(cases(client).find(new Document("_id", "case-1")).first()).containsEntry("status", "OPEN");
		}
	}

	@Test
	void keepsNothingWhenInMemory() throws Exception {
		try (MongoWireServer server = MongoWireServer.start(null, 0, Clock.systemUTC());
				MongoClient client = MongoClients.create(server.uri("plazo-cases"))) {
			cases(client).insertOne(new Document("_id", "case-1"));
			assertThat(cases(client).countDocuments()).isOne();
		}
		assertThat(this.dataDirectory).isEmptyDirectory();
	}

	private static MongoCollection<Document> cases(MongoClient client) {
		return client.getDatabase("plazo-cases").getCollection("cases");
	}

}
