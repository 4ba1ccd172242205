package org.plazo.cases.console;

/**
 * Hides contact details from those not allowed to see them: a viewer reads that a person
 * has a phone or an email, never which.
 */
final class Masking {

	static final String HIDDEN = "•••";

	private Masking() {
	}

	/** {@code +50760001234} becomes {@code +507 ••• •••34}. */
	static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		String country = (phone.startsWith("+") && digits.length() > 6) ? "+" + digits.substring(0, 3) + " " : "";
		String last = (digits.length() > 6) ? digits.substring(digits.length() - 2) : "";
		return country + HIDDEN + " " + HIDDEN + last;
	}

	/** {@code ana.prueba@example.org} becomes {@code a•••@•••}. */
	static String email(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		return email.substring(0, 1) + HIDDEN + "@" + HIDDEN;
	}

}
