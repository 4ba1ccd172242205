package org.plazo.events.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A person who is in no case system yet registered by SMS and confirmed the day they
 * entered Panama, agreeing to receive reminders. case-service opens a pre-application
 * case with this id, so the six-month filing window is reminded.
 *
 * @param caseId the id of the case to open, chosen by notify-service
 * @param phone the E.164 phone number the person wrote from
 * @param arrivalDate the day the person entered Panama, as they confirmed it
 * @param preferredLanguage ISO 639 code of the language they wrote in ({@code es},
 * {@code en}, {@code fr}, {@code ht}, {@code pt})
 * @param confirmedAt when they confirmed
 */
public record SelfRegistrationConfirmed(String caseId, String phone, LocalDate arrivalDate, String preferredLanguage,
		Instant confirmedAt) implements NotificationEvent {

	public SelfRegistrationConfirmed {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(phone, "phone");
		Objects.requireNonNull(arrivalDate, "arrivalDate");
		Objects.requireNonNull(preferredLanguage, "preferredLanguage");
		Objects.requireNonNull(confirmedAt, "confirmedAt");
	}

	@Override
	public String toString() {
		// The phone number is personal data: keep it out of logs.
		return "SelfRegistrationConfirmed[caseId=" + this.caseId + "]";
	}

}
