package org.plazo.notify.recipients;

import java.time.Instant;

import org.plazo.events.cases.ContactChannel;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to reach the applicant of a case. The phone number and email address are personal
 * data: they are used to send and never logged.
 *
 * @param caseId the case
 * @param language ISO 639 code of the language to write in
 * @param channel the channel the person chose
 * @param phone E.164 phone number, or {@code null}
 * @param email email address, or {@code null}
 * @param consentToContact whether the person agreed to be contacted
 * @param updatedAt when this was last learnt
 */
@Document("recipients")
public record Recipient(@Id String caseId, String language, ContactChannel channel, String phone, String email,
		boolean consentToContact, Instant updatedAt) {

	/**
	 * Where to send on a channel.
	 * @param channel the channel
	 * @return the phone number or email address, or {@code null} when there is none
	 */
	public String address(ContactChannel channel) {
		return switch (channel) {
			case SMS -> this.phone;
			case EMAIL -> this.email;
		};
	}

	@Override
	public String toString() {
		return "Recipient[caseId=" + this.caseId + ", language=" + this.language + ", channel=" + this.channel
				+ ", consentToContact=" + this.consentToContact + "]";
	}

}
