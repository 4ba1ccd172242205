package org.plazo.notify.recipients;

import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.outbox.EventOutbox;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/**
 * A recipient directory on a MongoDB template, without Spring, for tests in other
 * packages.
 */
public final class RecipientsFixtures {

	private RecipientsFixtures() {
	}

	public static RecipientDirectory directory(MongoTemplate mongo, EventOutbox outbox, Clock clock) {
		Recipients recipients = new MongoRepositoryFactory(mongo).getRepository(Recipients.class);
		RecipientDirectory directory = new RecipientDirectory(recipients, mongo, outbox, clock,
				new NotifyMetrics(new SimpleMeterRegistry()));
		directory.afterPropertiesSet();
		return directory;
	}

}
