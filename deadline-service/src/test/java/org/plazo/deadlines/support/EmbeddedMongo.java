package org.plazo.deadlines.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process MongoDB wire-protocol server for tests, one per test class.
 */
public final class EmbeddedMongo {

	private static MongoServer server;

	private EmbeddedMongo() {
	}

	public static synchronized String uri(String database) {
		if (server == null) {
			server = new MongoServer(new MemoryBackend());
			server.bind("127.0.0.1", 0);
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		}
		return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
	}

}
