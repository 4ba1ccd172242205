package org.plazo.events.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A case was registered. Carries what the deadline and notification services need and
 * nothing more: no names, no household members' details.
 *
 * @param caseId the case
 * @param arrivalDate the day the person entered Panama (America/Panama)
 * @param preferredLanguage ISO 639 code of the language to write in ({@code es},
 * {@code en}, {@code fr}, {@code ht}, {@code pt})
 * @param preferredChannel the channel the person chose
 * @param phone E.164 phone number, or {@code null}
 * @param email email address, or {@code null}
 * @param consentToContact whether the person agreed to be contacted
 * @param householdSize people in the household besides the applicant
 * @param openedAt when the case was registered
 */
public record CaseOpened(String caseId, LocalDate arrivalDate, String preferredLanguage,
		ContactChannel preferredChannel, String phone, String email, boolean consentToContact, int householdSize,
		Instant openedAt) implements CaseEvent {

	public CaseOpened {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(arrivalDate, "arrivalDate");
		Objects.requireNonNull(preferredLanguage, "preferredLanguage");
		Objects.requireNonNull(preferredChannel, "preferredChannel");
		Objects.requireNonNull(openedAt, "openedAt");
	}

}
