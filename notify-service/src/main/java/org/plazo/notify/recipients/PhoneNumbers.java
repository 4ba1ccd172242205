package org.plazo.notify.recipients;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers in one form, E.164, so that the same phone is the same key whether a case
 * worker typed {@code 6000-1234} or a provider reported {@code +50760001234}. Numbers
 * without a country code are read as Panama's.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * @param raw a phone number as written
	 * @return the E.164 form, or empty when it is not a valid number
	 */
	public static Optional<String> e164(String raw) {
		if (raw == null || raw.isBlank() || raw.length() > 32) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = util.parse(raw, "PA");
			return util.isValidNumber(number) ? Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
					: Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
