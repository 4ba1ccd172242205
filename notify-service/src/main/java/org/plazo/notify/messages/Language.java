package org.plazo.notify.messages;

import java.util.List;
import java.util.Locale;

/**
 * The languages messages are written in: Spanish (the official language, and the default
 * for any language there is no text for), English, French, Haitian Creole and Portuguese.
 */
public final class Language {

	/** ISO 639 codes of the languages there are texts for, Spanish first. */
	public static final List<String> CODES = List.of("es", "en", "fr", "ht", "pt");

	static final Locale SPANISH = Locale.forLanguageTag("es");

	private Language() {
	}

	static Locale of(String code) {
		return Locale.forLanguageTag(supported(code));
	}

	/**
	 * @param code an ISO 639 code, or {@code null}
	 * @return the code when there are texts for it, otherwise {@code es}
	 */
	public static String supported(String code) {
		String lower = (code != null) ? code.trim().toLowerCase(Locale.ROOT) : "";
		return CODES.contains(lower) ? lower : "es";
	}

}
