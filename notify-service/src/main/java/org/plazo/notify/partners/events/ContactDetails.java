package org.plazo.notify.partners.events;

import java.util.Optional;

import org.plazo.notify.recipients.RecipientDirectory;

import org.springframework.stereotype.Component;

/**
 * The applicant's phone and email as notify-service knows them (from the case stream),
 * for organisations the applicant agreed to share them with. Names never reach
 * notify-service: organisations with consent get them from case-service's API (issue 7).
 */
@Component
public class ContactDetails {

	private final RecipientDirectory recipients;

	public ContactDetails(RecipientDirectory recipients) {
		this.recipients = recipients;
	}

	public Optional<Contact> of(String caseId) {
		return this.recipients.find(caseId)
			.filter((recipient) -> recipient.phone() != null || recipient.email() != null)
			.map((recipient) -> new Contact(recipient.phone(), recipient.email()));
	}

}
