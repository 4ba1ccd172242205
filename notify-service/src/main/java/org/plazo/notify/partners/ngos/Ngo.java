package org.plazo.notify.partners.ngos;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner organisation. Its API key and calendar token are stored as SHA-256 hashes of
 * high-entropy random secrets; its reference key (never shown) derives the opaque
 * references it knows cases and deadlines by.
 *
 * @param id the organisation's id, lower-case letters and digits
 * @param name its name
 * @param contactEmail how operators reach it
 * @param kafkaFeed whether its events also go to {@code plazo.partner-events.v1}
 * @param apiKeyHash SHA-256 of its API key, or {@code null} when revoked
 * @param apiKeyIssuedAt when the current key was issued
 * @param calendarTokenHash SHA-256 of its calendar token, or {@code null}
 * @param referenceKey base64url HMAC key of its references
 * @param endpointIds its webhook endpoints, so fan-out reads them by {@code _id}
 * @param createdAt when it was registered
 */
@Document(Ngo.COLLECTION)
public record Ngo(@Id String id, String name, String contactEmail, boolean kafkaFeed, String apiKeyHash,
		Instant apiKeyIssuedAt, String calendarTokenHash, String referenceKey, List<String> endpointIds,
		Instant createdAt) {

	public static final String COLLECTION = "partner_ngos";

	public Ngo {
		endpointIds = (endpointIds != null) ? List.copyOf(endpointIds) : List.of();
	}

	@Override
	public String toString() {
		return "Ngo[id=" + this.id + "]";
	}

}
