package org.plazo.notify.partners.events;

import java.util.Optional;

import org.plazo.events.cases.SharedData;
import org.plazo.notify.partners.ngos.CaseLink;
import org.plazo.notify.partners.ngos.Ngo;

/**
 * What one organisation may receive of one event, decided at the moment of sending from
 * the consent that holds then: revocation is not retroactive, but nothing is sent after
 * it.
 *
 * @param allowed whether the organisation may receive the event at all
 * @param contactDetails whether the applicant's phone and email may go with it
 */
public record Disclosure(boolean allowed, boolean contactDetails) {

	static final Disclosure NOTHING = new Disclosure(false, false);

	/**
	 * @param event the event
	 * @param ngo the organisation
	 * @param link the case's link to it that holds now, if any
	 */
	public static Disclosure of(StoredEvent event, Ngo ngo, Optional<CaseLink> link) {
		boolean contact = link.map((l) -> l.shares(SharedData.CONTACT_DETAILS)).orElse(false);
		if (event.noticeFor() != null) {
			// A link made or ended is told to the organisation it concerns, and to no
			// other.
			return event.noticeFor().equals(ngo.id()) ? new Disclosure(true, contact) : NOTHING;
		}
		boolean procedural = link.map((l) -> l.shares(SharedData.PROCEDURAL_EVENTS)).orElse(false);
		return procedural ? new Disclosure(true, contact) : NOTHING;
	}

}
