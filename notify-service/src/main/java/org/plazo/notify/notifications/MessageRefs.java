package org.plazo.notify.notifications;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

/**
 * Which notification each provider message id belongs to, so that a delivery report,
 * which names only the provider's id, finds its notification by {@code _id}.
 */
@Repository
class MessageRefs {

	private final MongoOperations mongo;

	MessageRefs(MongoOperations mongo) {
		this.mongo = mongo;
	}

	void record(String provider, String messageId, String notificationId) {
		try {
			this.mongo.insert(new MessageRef(key(provider, messageId), notificationId));
		}
		catch (DuplicateKeyException ex) {
			// Recorded before: a retried save.
		}
	}

	Optional<String> notificationOf(String provider, String messageId) {
		return Optional.ofNullable(this.mongo.findById(key(provider, messageId), MessageRef.class))
			.map(MessageRef::notificationId);
	}

	private static String key(String provider, String messageId) {
		return provider + ":" + messageId;
	}

	@Document("sms_messages")
	record MessageRef(@Id String id, String notificationId) {

	}

}
