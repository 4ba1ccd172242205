package org.plazo.notify.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The in-process MongoDB-wire server the build machines use, with a template on it.
 */
public final class MongoStandIn implements AutoCloseable {

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client = MongoClients.create(this.server.bindAndGetConnectionString());

	private final MongoTemplate template = new MongoTemplate(this.client, "plazo-notify");

	/**
	 * Drops everything, so that one server can serve a whole test class.
	 */
	public void reset() {
		this.template.getDb().drop();
	}

	public MongoTemplate template() {
		return this.template;
	}

	@Override
	public void close() {
		this.client.close();
		this.server.shutdownNow();
	}

}
