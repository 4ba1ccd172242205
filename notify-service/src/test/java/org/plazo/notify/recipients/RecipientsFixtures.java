package org.plazo.notify.recipients;

import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.outbox.EventOutbox;
import org.plazo.notify.privacy.PrivacyFixtures;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;

/**
 * A recipient directory on a MongoDB template, without Spring, for tests in other
 * packages. Its keys are held in memory; its contact lookup reaches nothing.
 */
public final class RecipientsFixtures {

	private RecipientsFixtures() {
	}

	public static RecipientDirectory directory(MongoTemplate mongo, EventOutbox outbox, Clock clock) {
		Recipients recipients = new Recipients(mongo, PrivacyFixtures.keys(mongo, clock), PrivacyFixtures.index());
		RecipientDirectory directory = new RecipientDirectory(recipients, mongo, outbox, clock,
				new NotifyMetrics(new SimpleMeterRegistry()), PrivacyFixtures.index(), PrivacyFixtures.erased(mongo),
				new CaseContacts(RestClient.create("http://localhost:9")));
		directory.afterPropertiesSet();
		return directory;
	}

}
