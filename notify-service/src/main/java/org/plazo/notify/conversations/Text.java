package org.plazo.notify.conversations;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Puts what people type into one form: no accents, upper case, single spaces.
 */
final class Text {

	private Text() {
	}

	static String normalize(String text) {
		String plain = Normalizer.normalize((text != null) ? text : "", Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
	}

}
