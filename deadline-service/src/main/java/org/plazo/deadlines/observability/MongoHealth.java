package org.plazo.deadlines.observability;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code mongo} health indicator, in place of Spring Boot's: a {@code ping} on this
 * service's own database, which real MongoDB and the embedded stand-in both answer
 * (Boot's indicator sends {@code hello}, which the stand-in does not know). Part of the
 * readiness group.
 */
@Component("mongoHealthIndicator")
class MongoHealth extends AbstractHealthIndicator {

	private final MongoOperations mongo;

	MongoHealth(MongoOperations mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.mongo.executeCommand(new Document("ping", 1));
		builder.up();
	}

}
