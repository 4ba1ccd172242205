package org.plazo.notify.sms;

import java.text.Normalizer;

/**
 * The GSM 03.38 default alphabet. Text written only in it travels as 7-bit characters,
 * 160 to a single SMS; one character outside it turns the whole message into UCS-2, 70 to
 * an SMS. On a prepaid phone that difference is money.
 */
public final class Gsm7 {

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	/** Characters sent as an escape plus a code: they count twice. */
	private static final String EXTENSION = "\f^{}\\[~]|€";

	private Gsm7() {
	}

	/**
	 * How many septets a character takes.
	 * @param c a UTF-16 code unit
	 * @return 1 or 2, or 0 when the character is not in the GSM-7 alphabet
	 */
	static int septets(char c) {
		if (BASIC.indexOf(c) >= 0) {
			return 1;
		}
		return (EXTENSION.indexOf(c) >= 0) ? 2 : 0;
	}

	public static boolean canEncode(CharSequence text) {
		return text.chars().allMatch((c) -> septets((char) c) > 0);
	}

	/**
	 * Rewrites text so that it fits GSM-7 where that loses nothing a reader needs:
	 * letters with accents GSM-7 lacks lose the accent ({@code día} becomes {@code dia};
	 * {@code é} and {@code ñ} stay), typographic quotes and dashes become plain ones, and
	 * unusual spaces become spaces. Characters with no such stand-in (other scripts,
	 * emoji) are kept, and the message then goes as UCS-2.
	 * @param text the text to fold
	 * @return the folded text
	 */
	public static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		text.codePoints().forEach((codePoint) -> folded.append(fold(codePoint)));
		return folded.toString();
	}

	private static String fold(int codePoint) {
		String original = Character.toString(codePoint);
		if (codePoint <= Character.MAX_VALUE && septets((char) codePoint) > 0) {
			return original;
		}
		String plain = switch (codePoint) {
			case '\u2018', '\u2019', '\u201A', '\u2032' -> "'";
			case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> "\"";
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> "-";
			case '\u2026' -> "...";
			default -> null;
		};
		if (plain != null) {
			return plain;
		}
		if (Character.isSpaceChar(codePoint)) {
			return " ";
		}
		String base = Normalizer.normalize(original, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return (!base.isEmpty() && canEncode(base)) ? base : original;
	}

}
