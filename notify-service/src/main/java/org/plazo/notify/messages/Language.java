package org.plazo.notify.messages;

import java.util.Locale;

/**
 * The languages reminders are written in. Spanish, the official language, is the default
 * for any language there is no text for yet.
 */
final class Language {

	static final Locale SPANISH = Locale.forLanguageTag("es");

	private Language() {
	}

	static Locale of(String code) {
		return "en".equalsIgnoreCase(code) ? Locale.ENGLISH : SPANISH;
	}

}
