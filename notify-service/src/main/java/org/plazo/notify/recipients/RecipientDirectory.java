package org.plazo.notify.recipients;

import java.time.Clock;
import java.util.Optional;

import org.plazo.events.cases.CaseOpened;

import org.springframework.stereotype.Service;

/**
 * Knows how to reach the applicant of each case.
 */
@Service
public class RecipientDirectory {

	private final Recipients recipients;

	private final Clock clock;

	RecipientDirectory(Recipients recipients, Clock clock) {
		this.recipients = recipients;
		this.clock = clock;
	}

	/**
	 * Records how to reach the applicant of a newly opened case. Saving replaces the
	 * whole record by case id, so a redelivered event changes nothing.
	 * @param event the case event
	 */
	public void register(CaseOpened event) {
		this.recipients.save(new Recipient(event.caseId(), event.preferredLanguage(), event.preferredChannel(),
				event.phone(), event.email(), event.consentToContact(), this.clock.instant()));
	}

	public Optional<Recipient> find(String caseId) {
		return this.recipients.findById(caseId);
	}

}
