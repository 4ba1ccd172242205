package org.plazo.cases.cases;

import org.plazo.events.cases.ContactChannel;

/**
 * The person who asks for asylum, and how to reach them.
 *
 * @param name full name
 * @param preferredLanguage ISO 639 code of the language to write in
 * @param phone E.164 phone number, or {@code null}
 * @param email email address, or {@code null}
 * @param preferredChannel the channel the person chose
 * @param consentToContact the person's consent to be contacted (Law 81 of 2019)
 */
record Applicant(String name, String preferredLanguage, String phone, String email, ContactChannel preferredChannel,
		boolean consentToContact) {

}
