package org.plazo.stack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterToolTests {

	private static final String TOPIC = "plazo.case-events.v1";

	private static final String DLT = TOPIC + ".dlt";

	@TempDir
	Path dataDirectory;

	@Test
	void listsDeadLettersWithoutTheirDataAndReplaysOneToItsTopic() throws Exception {
		try (KafkaBroker broker = KafkaBroker.start(this.dataDirectory, 0)) {
			deadLetter(broker, "case-1", "event-1", "{\"phone\":\"+50760001234\"}");
			deadLetter(broker, "case-2", "event-2", "{\"phone\":\"+50760004321\"}");
			ByteArrayOutputStream printed = new ByteArrayOutputStream();
			DeadLetterTool tool = new DeadLetterTool(broker.bootstrapServers(), new PrintStream(printed, true));

			List<ConsumerRecord<byte[], byte[]>> letters = tool.list(DLT);
			String listing = printed.toString(StandardCharsets.UTF_8);
			assertThat(listing).contains("case-1", "event-1", "org.plazo.case.opened.v1", TOPIC + "/2/41",
					"org.plazo.events.MalformedEventException", "2 dead letters");
			assertThat(listing).doesNotContain("+5076", "secret detail");

			ConsumerRecord<byte[], byte[]> first = letters.stream()
				.filter((r) -> new String(r.key(), StandardCharsets.UTF_8).equals("case-1"))
				.findFirst()
				.orElseThrow();
			int replayed = tool.replay(DLT, (r) -> r.partition() == first.partition() && r.offset() == first.offset());

			assertThat(replayed).isEqualTo(1);
			ConsumerRecord<byte[], byte[]> back = await().atMost(Duration.ofSeconds(30))
				.until(() -> read(broker, TOPIC), (records) -> !records.isEmpty())
				.get(0);
			assertThat(new String(back.key(), StandardCharsets.UTF_8)).isEqualTo("case-1");
			assertThat(new String(back.value(), StandardCharsets.UTF_8)).contains("+50760001234");
			assertThat(new String(back.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
				.isEqualTo("event-1");
			assertThat(back.headers().lastHeader("kafka_dlt-original-topic")).isNull();
			assertThat(
					new String(back.headers().lastHeader(DeadLetterTool.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
				.isEqualTo(DLT + "/" + first.partition() + "/" + first.offset());
		}
	}

	@Test
	void refusesAReplayWithoutSayingWhich() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> DeadLetterTool.run(new String[] { "replay", DLT, "--partition=1" }, System.out));
	}

	private static void deadLetter(KafkaBroker broker, String key, String eventId, String data) throws Exception {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
		headers.add("ce_type", "org.plazo.case.opened.v1".getBytes(StandardCharsets.UTF_8));
		headers.add("kafka_dlt-original-topic", TOPIC.getBytes(StandardCharsets.UTF_8));
		headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(2).array());
		headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(41).array());
		headers.add("kafka_dlt-exception-cause-fqcn",
				"org.plazo.events.MalformedEventException".getBytes(StandardCharsets.UTF_8));
		headers.add("kafka_dlt-exception-message", "secret detail".getBytes(StandardCharsets.UTF_8));
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(DLT, null, key.getBytes(StandardCharsets.UTF_8),
						data.getBytes(StandardCharsets.UTF_8), headers))
				.get();
		}
	}

	private static List<ConsumerRecord<byte[], byte[]>> read(KafkaBroker broker, String topic) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-tool-tests",
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
		}
		return records;
	}

}
