package org.plazo.stack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Inspects and replays the records the services sent to a dead-letter topic
 * ({@code <topic>.dlt}) after their bounded retries. A command, for operators:
 *
 * <pre>
 * DeadLetterTool list   plazo.case-events.v1.dlt [--bootstrap-servers=localhost:9092]
 * DeadLetterTool replay plazo.case-events.v1.dlt --all | --partition=P --offset=O
 * </pre>
 *
 * {@code list} prints one line per dead letter: where it is, its key (a case id), its
 * CloudEvents id and type, where it came from and the exception's class; never the
 * event's data or the exception's message, which may hold personal data. {@code replay}
 * sends the chosen records back to the topic they came from, with their key, value and
 * CloudEvents headers, and a {@code plazo_replayed-from} header naming the dead letter.
 * Consumers de-duplicate by CloudEvents id, so replaying a record twice, or one that was
 * in fact applied, changes nothing. Nothing is removed from the dead-letter topic: its
 * retention does that.
 */
public final class DeadLetterTool {

	static final String REPLAYED_FROM = "plazo_replayed-from";

	private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

	private static final String USAGE = """
			Usage: DeadLetterTool list <dead-letter topic> [--bootstrap-servers=HOST:PORT]
			       DeadLetterTool replay <dead-letter topic> (--all | --partition=P --offset=O)
			                      [--bootstrap-servers=HOST:PORT]
			  With Maven: ./mvnw -q -pl local-stack exec:java -Dexec.mainClass=org.plazo.stack.DeadLetterTool \\
			              -Dexec.args="list plazo.case-events.v1.dlt"
			""";

	private final String bootstrapServers;

	private final PrintStream out;

	DeadLetterTool(String bootstrapServers, PrintStream out) {
		this.bootstrapServers = bootstrapServers;
		this.out = out;
	}

	public static void main(String[] args) {
		try {
			System.exit(run(args, System.out));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
		}
	}

	static int run(String[] args, PrintStream out) {
		if (args.length < 2) {
			throw new IllegalArgumentException("A command and a dead-letter topic are needed.");
		}
		String bootstrapServers = "localhost:9092";
		Integer partition = null;
		Long offset = null;
		boolean all = false;
		for (int i = 2; i < args.length; i++) {
			String arg = args[i];
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
			if (arg.startsWith("--bootstrap-servers=")) {
				bootstrapServers = value;
			}
			else if (arg.startsWith("--partition=")) {
				partition = Integer.valueOf(value);
			}
			else if (arg.startsWith("--offset=")) {
				offset = Long.valueOf(value);
			}
			else if (arg.equals("--all")) {
				all = true;
			}
			else {
				throw new IllegalArgumentException("Unknown option: " + arg);
			}
		}
		DeadLetterTool tool = new DeadLetterTool(bootstrapServers, out);
		String topic = args[1];
		switch (args[0]) {
			case "list" -> tool.list(topic);
			case "replay" -> {
				if (all ? (partition != null || offset != null) : (partition == null || offset == null)) {
					throw new IllegalArgumentException("replay needs --all, or --partition and --offset.");
				}
				Integer p = partition;
				Long o = offset;
				tool.replay(topic,
						all ? (record) -> true : (record) -> record.partition() == p && record.offset() == o);
			}
			default -> throw new IllegalArgumentException("Unknown command: " + args[0]);
		}
		return 0;
	}

	/** Prints every dead letter of the topic, oldest first in each partition. */
	List<ConsumerRecord<byte[], byte[]>> list(String deadLetterTopic) {
		List<ConsumerRecord<byte[], byte[]>> records = read(deadLetterTopic);
		this.out.println("partition offset timestamp key ce_id ce_type original cause");
		for (ConsumerRecord<byte[], byte[]> record : records) {
			this.out.println(String.join(" ", String.valueOf(record.partition()), String.valueOf(record.offset()),
					Instant.ofEpochMilli(record.timestamp()).toString(), text(record.key()),
					header(record.headers(), "ce_id"), header(record.headers(), "ce_type"), original(record),
					header(record.headers(), DLT_HEADER_PREFIX + "exception-cause-fqcn")));
		}
		this.out.println(records.size() + " dead letters in " + deadLetterTopic);
		return records;
	}

	/**
	 * Sends the chosen dead letters back to the topics they came from.
	 * @return how many were sent
	 */
	int replay(String deadLetterTopic, Predicate<ConsumerRecord<byte[], byte[]>> chosen) {
		List<ConsumerRecord<byte[], byte[]>> records = read(deadLetterTopic).stream().filter(chosen).toList();
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			for (ConsumerRecord<byte[], byte[]> record : records) {
				Headers headers = new RecordHeaders();
				for (Header header : record.headers()) {
					if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
						headers.add(header);
					}
				}
				String from = deadLetterTopic + "/" + record.partition() + "/" + record.offset();
				headers.add(REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
				String target = originalTopic(record, deadLetterTopic);
				producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), headers)).get();
				this.out.println(
						"replayed " + from + " to " + target + " (ce_id " + header(record.headers(), "ce_id") + ")");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("Kafka did not take a replayed record", ex.getCause());
		}
		this.out.println(records.size() + " dead letters replayed");
		return records.size();
	}

	private List<ConsumerRecord<byte[], byte[]>> read(String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		// No consumer group: reading changes nothing, and two operators may read at once.
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				return records;
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
		}
		return records;
	}

	private static String original(ConsumerRecord<byte[], byte[]> record) {
		return header(record.headers(), DLT_HEADER_PREFIX + "original-topic") + "/"
				+ header(record.headers(), DLT_HEADER_PREFIX + "original-partition") + "/"
				+ header(record.headers(), DLT_HEADER_PREFIX + "original-offset");
	}

	private static String originalTopic(ConsumerRecord<byte[], byte[]> record, String deadLetterTopic) {
		Header header = record.headers().lastHeader(DLT_HEADER_PREFIX + "original-topic");
		if (header != null) {
			return new String(header.value(), StandardCharsets.UTF_8);
		}
		if (deadLetterTopic.endsWith(".dlt")) {
			return deadLetterTopic.substring(0, deadLetterTopic.length() - ".dlt".length());
		}
		throw new IllegalArgumentException("Not a dead-letter topic: " + deadLetterTopic);
	}

	/**
	 * A header as text; Spring Kafka writes the original partition and offset as binary
	 * numbers.
	 */
	private static String header(Headers headers, String key) {
		Header header = headers.lastHeader(key);
		if (header == null || header.value() == null) {
			return "-";
		}
		byte[] value = header.value();
		if (key.endsWith("original-partition") && value.length == 4) {
			return String.valueOf(java.nio.ByteBuffer.wrap(value).getInt());
		}
		if (key.endsWith("original-offset") && value.length == 8) {
			return String.valueOf(java.nio.ByteBuffer.wrap(value).getLong());
		}
		return new String(value, StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : "-";
	}

}
