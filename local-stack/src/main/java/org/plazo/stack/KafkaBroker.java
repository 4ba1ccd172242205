package org.plazo.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka node, broker and controller in one (KRaft combined mode), running
 * in this JVM and keeping its log in a folder, so unconsumed events survive a restart.
 * <p>
 * It is what {@code kafka-storage.sh format} followed by {@code kafka-server-start.sh}
 * does with a single-node {@code server.properties}: the folder is formatted once, with a
 * new cluster id that {@code meta.properties} then keeps, and started as is afterwards.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KafkaBroker.class);

	private static final int NODE_ID = 1;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	private final KafkaRaftServer server;

	private final int port;

	private KafkaBroker(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Formats {@code directory} if it is new and starts the node.
	 * @param directory where the log and the cluster metadata live
	 * @param port the client port, or 0 for a free one
	 */
	public static KafkaBroker start(Path directory, int port) throws Exception {
		Files.createDirectories(directory);
		int brokerPort = (port != 0) ? port : freePort();
		// Only this JVM talks to the controller listener, so any free port will do.
		int controllerPort = freePort();
		KafkaConfig config = new KafkaConfig(configuration(directory, brokerPort, controllerPort), false);
		formatIfNew(directory);
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		try {
			// Returns once the broker has caught up with the metadata log and is
			// unfenced.
			server.startup();
		}
		catch (RuntimeException ex) {
			shutDown(server);
			throw ex;
		}
		logger.info("Kafka started on localhost:{} with its log in {}", brokerPort, directory);
		return new KafkaBroker(server, brokerPort);
	}

	public int port() {
		return this.port;
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	@Override
	public void close() {
		shutDown(this.server);
		logger.info("Kafka stopped");
	}

	private static void shutDown(KafkaRaftServer server) {
		server.shutdown();
		server.awaitShutdown();
	}

	private static Properties configuration(Path directory, int brokerPort, int controllerPort) {
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(NODE_ID));
		properties.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
		properties.put("controller.listener.names", CONTROLLER_LISTENER);
		properties.put("listeners",
				"PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("log.dirs", directory.toAbsolutePath().toString());
		properties.put("auto.create.topics.enable", "true");
		properties.put("num.partitions", "3");
		// One node: every internal topic has one replica, and that replica is enough.
		properties.put("default.replication.factor", "1");
		properties.put("min.insync.replicas", "1");
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		// Fewer internal partitions and no rebalance delay: a quicker start on a laptop.
		properties.put("offsets.topic.num.partitions", "5");
		properties.put("transaction.state.log.num.partitions", "5");
		properties.put("group.initial.rebalance.delay.ms", "0");
		return properties;
	}

	private static void formatIfNew(Path directory) throws Exception {
		if (Files.exists(directory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
			return;
		}
		String logDirectory = directory.toAbsolutePath().toString();
		Formatter formatter = new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(NODE_ID)
			.setClusterId(Uuid.randomUuid().toString())
			.setControllerListenerName(CONTROLLER_LISTENER)
			.setMetadataLogDirectory(logDirectory)
			.addDirectory(logDirectory);
		formatter.run();
		logger.info("Formatted a new Kafka log in {}", directory);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

}
