package org.plazo.deadlines.tracking;

import org.plazo.deadlines.rules.CaseFacts;
import org.plazo.events.cases.CaseEvent;
import org.plazo.events.cases.CaseOpened;

/**
 * Folds case events into the facts the rules read. Java 17 has no pattern {@code switch},
 * so this is an {@code instanceof} chain over the sealed case stream that fails loudly on
 * a type it does not handle yet.
 */
final class FactsFromEvents {

	private FactsFromEvents() {
	}

	static CaseFacts apply(CaseFacts facts, CaseEvent event) {
		if (event instanceof CaseOpened opened) {
			return CaseFacts.opened(opened.caseId(), opened.arrivalDate());
		}
		throw new IllegalArgumentException("Unhandled case event " + event.getClass().getSimpleName());
	}

}
