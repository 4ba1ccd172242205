package org.plazo.notify.partners.events;

/**
 * How to reach an applicant, for an organisation they agreed to share it with. Personal
 * data: never logged.
 *
 * @param phone E.164 phone number, or {@code null}
 * @param email email address, or {@code null}
 */
public record Contact(String phone, String email) {

	@Override
	public String toString() {
		return "Contact[...]";
	}

}
