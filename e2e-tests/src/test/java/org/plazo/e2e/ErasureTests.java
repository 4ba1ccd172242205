package org.plazo.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plazo.stack.PlazoService;
import org.plazo.stack.RunningStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7's erasure test: after a person's data is cancelled (Law 81), no query, export,
 * event replay or backup path returns it. An invented applicant with a distinctive name,
 * phone, email and household member gets a case, deadlines and an SMS reminder; then the
 * case's person is erased, and every path is searched for them.
 */
@ExtendWith(SharedStack.class)
class ErasureTests {

	static final String NAME = "Eufemia Brackenbury";

	static final String MEMBER = "Tobiah Brackenbury";

	static final String PHONE = "+50760007711";

	static final String EMAIL = "eufemia.brackenbury@example.org";

	/** The person in every form a copy could take. */
	static final List<String> FORBIDDEN = List.of("Eufemia", "Brackenbury", "Tobiah", PHONE, "50760007711", "60007711",
			"6000-7711", EMAIL, "eufemia.brackenbury");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	static RunningStack stack;

	@BeforeAll
	static void start() {
		stack = SharedStack.stack();
		// 9:00 in Panama on Tue 10 Mar 2026.
		stack.clock().set(Instant.parse("2026-03-10T14:00:00Z"));
	}

	@Test
	void leavesNoTraceOfTheErasedPersonInAnyQueryExportEventOrBackup() throws Exception {
		String caseId = openCase();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> get(PlazoService.DEADLINE, "/api/v1/cases/" + caseId + "/deadlines").statusCode() == 200);
		// Sixty days before the filing window's last day, just after 8:00 in Panama.
		stack.clock().set(Instant.parse("2026-07-06T13:00:30Z"));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> SharedStack.twilio().sent().stream().anyMatch((sms) -> PHONE.equals(sms.to())));
		// The person's ciphertexts as a backup taken before the erasure holds them.
		List<Sealed> ciphertexts = sealedFieldsOf(caseId);
		assertThat(ciphertexts).isNotEmpty();

		HttpResponse<String> erased = send(PlazoService.CASE, "/api/v1/cases/" + caseId + "/person", "DELETE", null);
		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
		assertThat(send(PlazoService.CASE, "/api/v1/cases/" + caseId + "/person", "DELETE", null).statusCode())
			.isEqualTo(200);
		// Let PersonErased reach the other services before searching them.
		await().atMost(Duration.ofSeconds(30)).until(() -> topicsHold(caseId, "org.plazo.case.person-erased.v1"));

		SoftAssertions softly = new SoftAssertions();
		for (String path : List.of("", "/contact", "/export", "/events")) {
			softly.assertThat(get(PlazoService.CASE, "/api/v1/cases/" + caseId + path).statusCode())
				.as("case-service %s", path)
				.isEqualTo(404);
		}
		// deadline-service and notify-service forget the case on PersonErased.
		softly.assertThat(get(PlazoService.DEADLINE, "/api/v1/cases/" + caseId + "/deadlines").statusCode())
			.as("deadline-service deadlines")
			.isEqualTo(404);
		softly.assertThat(get(PlazoService.DEADLINE, "/api/v1/operations/cases/" + caseId + "/export").statusCode())
			.as("deadline-service export")
			.isEqualTo(404);
		softly.assertThat(get(PlazoService.NOTIFY, "/api/v1/operations/cases/" + caseId + "/export").statusCode())
			.as("notify-service export")
			.isEqualTo(404);

		String replay = everyTopicFromTheBeginning();
		String backup = dumpOfEveryDatabase();
		for (String forbidden : FORBIDDEN) {
			softly.assertThat(replay).as("every record of every topic").doesNotContain(forbidden);
			softly.assertThat(backup).as("every document of every database").doesNotContain(forbidden);
		}
		// Crypto-shredding: no key left, under the master keyset, opens what the backup
		// kept.
		softly.assertThat(personKeyIds()).doesNotContain(caseId);
		softly.assertThat(decryptableWithAnyRemainingKey(caseId, ciphertexts)).isEmpty();
		softly.assertAll();
	}

	private String openCase() {
		HttpResponse<String> response = send(PlazoService.CASE, "/api/v1/cases", "POST", """
				{"applicant": {"name": "%s", "preferredLanguage": "es", "phone": "%s",
				               "email": "%s", "preferredChannel": "SMS", "consentToContact": true,
				               "consentNoticeVersion": "2026-11"},
				 "arrivalDate": "2026-03-03",
				 "household": [{"name": "%s", "relationship": "CHILD", "birthDate": "2020-02-02"}]}""".formatted(NAME,
				PHONE, EMAIL, MEMBER));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).get("caseId").asString();
	}

	private static HttpResponse<String> get(PlazoService service, String path) {
		return send(service, path, "GET", null);
	}

	// Every call goes through here, as an operator.
	private static HttpResponse<String> send(PlazoService service, String path, String method, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.serviceUrl(service) + path))
			.header("Authorization", "Bearer " + stack.token("dev-operator"))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every record of every topic from its beginning: keys, values and headers, as text.
	 */
	private static String everyTopicFromTheBeginning() {
		StringBuilder all = new StringBuilder();
		for (ConsumerRecord<byte[], byte[]> record : everyRecord()) {
			all.append(text(record.key())).append(' ').append(text(record.value())).append(' ');
			for (Header header : record.headers()) {
				all.append(header.key()).append('=').append(text(header.value())).append(' ');
			}
			all.append('\n');
		}
		return all.toString();
	}

	private static boolean topicsHold(String caseId, String type) {
		return everyRecord().stream()
			.anyMatch((record) -> caseId.equals(text(record.key())) && record.headers().lastHeader("ce_type") != null
					&& type.equals(text(record.headers().lastHeader("ce_type").value())));
	}

	private static List<ConsumerRecord<byte[], byte[]>> everyRecord() {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		Set<String> topics;
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
			topics = admin.listTopics().names().get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "erasure-tests-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			topics.forEach((topic) -> consumer.partitionsFor(topic)
				.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition()))));
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
			});
		}
		return records;
	}

	/**
	 * A backup: every document of every collection of every database, as extended JSON.
	 */
	private static String dumpOfEveryDatabase() {
		StringBuilder dump = new StringBuilder();
		try (MongoClient client = MongoClients.create(stack.mongoUri("admin"))) {
			for (String database : client.listDatabaseNames()) {
				for (String collection : client.getDatabase(database).listCollectionNames()) {
					client.getDatabase(database)
						.getCollection(collection)
						.find()
						.forEach((document) -> dump.append(document.toJson()).append('\n'));
				}
			}
		}
		return dump.toString();
	}

	/** The encrypted fields of the stored case: field path and ciphertext. */
	private static List<Sealed> sealedFieldsOf(String caseId) {
		try (MongoClient client = MongoClients.create(stack.mongoUri("plazo-cases"))) {
			Document stored = client.getDatabase("plazo-cases")
				.getCollection("cases")
				.find(new Document("_id", caseId))
				.first();
			assertThat(stored).isNotNull();
			List<Sealed> sealed = new ArrayList<>();
			Document applicant = stored.get("applicant", Document.class);
			for (String field : List.of("name", "phone", "email")) {
				sealed.add(new Sealed("applicant." + field, ciphertext(applicant.get(field, Document.class))));
			}
			Document member = stored.getList("household", Document.class).get(0);
			sealed.add(new Sealed("household.0.name", ciphertext(member.get("name", Document.class))));
			return sealed;
		}
	}

	private static byte[] ciphertext(Document sealed) {
		assertThat(sealed).as("an encrypted field").containsKeys("keyId", "ciphertext");
		return ((Binary) sealed.get("ciphertext")).getData();
	}

	private static List<String> personKeyIds() {
		try (MongoClient client = MongoClients.create(stack.mongoUri("plazo-cases"))) {
			List<String> ids = new ArrayList<>();
			client.getDatabase("plazo-cases")
				.getCollection("person_keys")
				.find()
				.forEach((key) -> ids.add(key.get("_id").toString()));
			return ids;
		}
	}

	/**
	 * The fields any person key still stored (unwrapped with case-service's master
	 * keyset) decrypts: none, once the person's key is gone.
	 */
	private static List<String> decryptableWithAnyRemainingKey(String caseId, List<Sealed> ciphertexts)
			throws IOException, GeneralSecurityException {
		AeadConfig.register();
		Path keysetFile = Path.of(".plazo-keys", "case-service-master-keyset.json");
		Aead master = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get())
			.getPrimitive(RegistryConfiguration.get(), Aead.class);
		List<String> opened = new ArrayList<>();
		try (MongoClient client = MongoClients.create(stack.mongoUri("plazo-cases"))) {
			for (Document stored : client.getDatabase("plazo-cases").getCollection("person_keys").find()) {
				String keyOf = stored.get("_id").toString();
				KeysetHandle key = TinkProtoKeysetFormat.parseEncryptedKeyset(
						((Binary) stored.get("wrappedKey")).getData(), master, associatedData("person_keys", keyOf));
				Aead aead = key.getPrimitive(RegistryConfiguration.get(), Aead.class);
				for (Sealed sealed : ciphertexts) {
					try {
						aead.decrypt(sealed.ciphertext(), associatedData("cases", caseId, sealed.field()));
						opened.add(sealed.field());
					}
					catch (GeneralSecurityException expected) {
						// Not this key's.
					}
				}
			}
		}
		return opened;
	}

	private static byte[] associatedData(String... parts) {
		StringBuilder joined = new StringBuilder();
		for (String part : parts) {
			joined.append(part).append('\0');
		}
		return joined.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : "";
	}

	private record Sealed(String field, byte[] ciphertext) {

	}

}
