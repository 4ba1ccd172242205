package org.plazo.notify.sms;

import java.io.ByteArrayOutputStream;
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

	/** The code of each {@link #EXTENSION} character after the escape. */
	private static final byte[] EXTENSION_CODES = { 0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65 };

	private static final byte ESCAPE = 0x1B;

	/** The basic table in code order: code 0x1B is the escape, not a character. */
	private static final String CODES = BASIC.substring(0, ESCAPE) + '\u001B' + BASIC.substring(ESCAPE);

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

	/**
	 * Encodes text in the GSM 03.38 default alphabet, one septet to a byte (unpacked), as
	 * SMPP sends it with {@code data_coding} 0.
	 * @param text text for which {@link #canEncode} holds
	 * @return the septets
	 */
	public static byte[] encode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int code = (c == ESCAPE) ? -1 : CODES.indexOf(c);
			if (code >= 0) {
				out.write(code);
				continue;
			}
			int extension = EXTENSION.indexOf(c);
			if (extension < 0) {
				throw new IllegalArgumentException("Character U+" + Integer.toHexString(c) + " is not in GSM-7");
			}
			out.write(ESCAPE);
			out.write(EXTENSION_CODES[extension]);
		}
		return out.toByteArray();
	}

	/**
	 * Decodes unpacked GSM 03.38 septets.
	 * @param septets one septet to a byte
	 * @return the text; unknown escapes become a space, as the standard says
	 */
	public static String decode(byte[] septets) {
		StringBuilder text = new StringBuilder(septets.length);
		for (int i = 0; i < septets.length; i++) {
			int code = septets[i] & 0x7F;
			if (code == ESCAPE && i + 1 < septets.length) {
				byte next = septets[++i];
				char decoded = ' ';
				for (int e = 0; e < EXTENSION_CODES.length; e++) {
					if (EXTENSION_CODES[e] == next) {
						decoded = EXTENSION.charAt(e);
					}
				}
				text.append(decoded);
			}
			else if (code != ESCAPE) {
				text.append(CODES.charAt(code));
			}
		}
		return text.toString();
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
