package org.plazo.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server ({@code mongo-java-server}) that keeps its databases in
 * one H2 MVStore file, or only in memory for tests. See {@code docs/mongodb-stand-in.md}
 * for what it cannot do that real MongoDB can.
 */
public final class MongoWireServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MongoWireServer.class);

	private final MongoServer server;

	private final int port;

	private MongoWireServer(MongoServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Starts a server on {@code port} (0 for a free one).
	 * @param file the MVStore file to keep the data in, or {@code null} to keep it in
	 * memory
	 * @param clock the clock for {@code $currentDate} and TTL indexes
	 */
	public static MongoWireServer start(Path file, int port, Clock clock) throws IOException {
		MongoBackend backend;
		if (file != null) {
			Files.createDirectories(file.toAbsolutePath().getParent());
			backend = new H2Backend(file.toString(), clock);
		}
		else {
			backend = new MemoryBackend(clock);
		}
		MongoServer server = new MongoServer(backend);
		try {
			server.bind("localhost", port);
		}
		catch (RuntimeException ex) {
			// Release the MVStore file lock, or the next try finds the file in use.
			backend.close();
			throw ex;
		}
		int boundPort = server.getLocalAddress().getPort();
		logger.info("MongoDB-wire server started on localhost:{} ({})", boundPort,
				(file != null) ? "data in " + file : "in memory");
		return new MongoWireServer(server, boundPort);
	}

	public int port() {
		return this.port;
	}

	public String uri(String database) {
		return "mongodb://localhost:" + this.port + "/" + database;
	}

	/** Closes the client connections, then the backend, which writes the MVStore file. */
	@Override
	public void close() {
		this.server.shutdownNow();
		logger.info("MongoDB-wire server stopped");
	}

}
