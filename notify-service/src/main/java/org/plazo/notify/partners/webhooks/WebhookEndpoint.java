package org.plazo.notify.partners.webhooks;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A URL an organisation receives events at.
 *
 * @param id the endpoint's id
 * @param ngoId the organisation it belongs to
 * @param url where events are posted
 * @param eventTypes CloudEvents type names or per-stream wildcards it wants
 * @param caseRefs only cases with these references; empty: every case linked to the
 * organisation (never any other)
 * @param description the organisation's own note
 * @param secrets the signing secrets, the current one last
 * @param enabled whether deliveries go out
 * @param disabledReason why not: {@code GONE} (it answered 410) or {@code FAILING}
 * @param disabledAt when it was disabled
 * @param failingSince the first failure since its last success, or {@code null}
 * @param createdAt when it was registered
 */
@Document(WebhookEndpoint.COLLECTION)
record WebhookEndpoint(@Id String id, String ngoId, String url, List<String> eventTypes, List<String> caseRefs,
		String description, List<SigningSecret> secrets, boolean enabled, String disabledReason, Instant disabledAt,
		Instant failingSince, Instant createdAt) {

	static final String COLLECTION = "partner_endpoints";

	WebhookEndpoint {
		eventTypes = (eventTypes != null) ? List.copyOf(eventTypes) : List.of();
		caseRefs = (caseRefs != null) ? List.copyOf(caseRefs) : List.of();
		secrets = (secrets != null) ? List.copyOf(secrets) : List.of();
	}

	/** Whether it wants an event of this type about the case with this reference. */
	boolean wants(String type, String caseRef) {
		return EventTypes.matches(this.eventTypes, type)
				&& (this.caseRefs.isEmpty() || this.caseRefs.contains(caseRef));
	}

	/** The secrets that sign now: the current one, and one being rotated out. */
	List<String> signingSecrets(Instant now) {
		return this.secrets.stream().filter((secret) -> secret.signsAt(now)).map(SigningSecret::secret).toList();
	}

	@Override
	public String toString() {
		return "WebhookEndpoint[id=" + this.id + ", ngoId=" + this.ngoId + ", enabled=" + this.enabled + "]";
	}

}
