package org.plazo.notify.recipients;

import java.time.Instant;
import java.util.Optional;

import org.plazo.events.cases.ContactChannel;
import org.plazo.notify.privacy.CaseData;

import org.springframework.stereotype.Component;

/**
 * The recipient part of a case's export and erasure: contact details, language, consent
 * and the phone's opt-out.
 */
@Component
class RecipientData implements CaseData {

	private final RecipientDirectory directory;

	RecipientData(RecipientDirectory directory) {
		this.directory = directory;
	}

	@Override
	public String section() {
		return "recipient";
	}

	@Override
	public Optional<Object> export(String caseId) {
		return this.directory.find(caseId).map((recipient) -> {
			Instant optedOutAt = this.directory.contactOf(recipient.phone()).map(PhoneContact::optedOutAt).orElse(null);
			return new Exported(recipient.phone(), recipient.email(), recipient.language(), recipient.channel(),
					recipient.consentToContact(), recipient.optedOut(), optedOutAt, recipient.updatedAt());
		});
	}

	@Override
	public void erase(String caseId) {
		this.directory.erase(caseId);
	}

	record Exported(String phone, String email, String language, ContactChannel channel, boolean consentToContact,
			boolean optedOut, Instant optedOutAt, Instant updatedAt) {

		@Override
		public String toString() {
			return "Exported[...]";
		}

	}

}
