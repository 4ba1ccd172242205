package org.plazo.notify.recipients;

import java.time.Instant;

import org.plazo.events.cases.ContactChannel;

/**
 * How to reach the applicant of a case. The phone number and email address are personal
 * data: they are used to send and never logged, and stored encrypted
 * ({@link Recipients}).
 *
 * @param caseId the case
 * @param language ISO 639 code of the language to write in (the person's choice by SMS,
 * when they made one, wins over the case's)
 * @param channel the channel the person chose
 * @param phone E.164 phone number, or {@code null}
 * @param email email address, or {@code null}
 * @param consentToContact whether the person agreed to be contacted
 * @param optedOut whether the person asked by SMS to receive nothing (read from their
 * phone's contact record; stored as {@code false})
 * @param updatedAt when this was last learnt
 */
public record Recipient(String caseId, String language, ContactChannel channel, String phone, String email,
		boolean consentToContact, boolean optedOut, Instant updatedAt) {

	/**
	 * A recipient as a case event describes it, before any SMS from them.
	 */
	public Recipient(String caseId, String language, ContactChannel channel, String phone, String email,
			boolean consentToContact, Instant updatedAt) {
		this(caseId, language, channel, phone, email, consentToContact, false, updatedAt);
	}

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

	Recipient with(PhoneContact contact) {
		if (contact == null) {
			return this;
		}
		String chosen = (contact.language() != null) ? contact.language() : this.language;
		return new Recipient(this.caseId, chosen, this.channel, this.phone, this.email, this.consentToContact,
				contact.optedOut(), this.updatedAt);
	}

	@Override
	public String toString() {
		return "Recipient[caseId=" + this.caseId + ", language=" + this.language + ", channel=" + this.channel
				+ ", consentToContact=" + this.consentToContact + ", optedOut=" + this.optedOut + "]";
	}

}
