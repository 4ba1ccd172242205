package org.plazo.notify.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * How many SMS a text is split into, which is what the person's operator and the provider
 * bill. GSM-7 text fits 160 septets in one SMS, 153 per part when split (the rest holds
 * the concatenation header); UCS-2 text fits 70 UTF-16 units, 67 per part. A character
 * that takes two units (a GSM-7 escape, a UTF-16 surrogate pair) is never split across
 * parts.
 *
 * @param encoding how the text travels
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2) in the whole text
 * @param segments the number of SMS sent
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

	/** How an SMS body travels. */
	public enum Encoding {

		GSM_7(160, 153), UCS_2(70, 67);

		private final int single;

		private final int perPart;

		Encoding(int single, int perPart) {
			this.single = single;
			this.perPart = perPart;
		}

	}

	/**
	 * Splits a text into the parts it is sent as, the way {@link #of} counts them: the
	 * whole text when it fits one SMS, otherwise parts of at most 153 septets (GSM-7) or
	 * 67 UTF-16 units (UCS-2), never cutting an escape or a surrogate pair.
	 * @param text the text
	 * @return the parts, at least one
	 */
	public static List<String> split(String text) {
		SmsSegments count = of(text);
		if (count.segments == 1) {
			return List.of(text);
		}
		boolean gsm = count.encoding == Encoding.GSM_7;
		List<String> parts = new ArrayList<>();
		int start = 0;
		int used = 0;
		int i = 0;
		while (i < text.length()) {
			int codePoint = text.codePointAt(i);
			int chars = Character.charCount(codePoint);
			int size = gsm ? Gsm7.septets(text.charAt(i)) : chars;
			if (used + size > count.encoding.perPart) {
				parts.add(text.substring(start, i));
				start = i;
				used = 0;
			}
			used += size;
			i += chars;
		}
		parts.add(text.substring(start));
		return parts;
	}

	public static SmsSegments of(String text) {
		Encoding encoding = Gsm7.canEncode(text) ? Encoding.GSM_7 : Encoding.UCS_2;
		int[] sizes = (encoding == Encoding.GSM_7) ? gsm7Sizes(text) : ucs2Sizes(text);
		int units = 0;
		for (int size : sizes) {
			units += size;
		}
		if (units <= encoding.single) {
			return new SmsSegments(encoding, units, 1);
		}
		int segments = 1;
		int used = 0;
		for (int size : sizes) {
			if (used + size > encoding.perPart) {
				segments++;
				used = 0;
			}
			used += size;
		}
		return new SmsSegments(encoding, units, segments);
	}

	private static int[] gsm7Sizes(String text) {
		return text.chars().map((c) -> Gsm7.septets((char) c)).toArray();
	}

	private static int[] ucs2Sizes(String text) {
		return text.codePoints().map(Character::charCount).toArray();
	}

}
