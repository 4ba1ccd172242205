package org.plazo.notify.sms;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plazo.notify.sms.SmsSegments.Encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Segment counts worked out by hand from GSM 03.38 and 3GPP TS 23.040: GSM-7 fits 160
 * septets in one SMS and 153 per part of a long one (a 6-octet concatenation header takes
 * 7 septets); UCS-2 fits 70 UTF-16 units and 67 per part. Characters of the extension
 * table take two septets (escape + code) and are never split; neither is a surrogate
 * pair.
 */
class SmsSegmentsTests {

	private static final String GRIN = "\uD83D\uDE00";

	static Stream<Arguments> bodies() {
		return Stream.of(
				// Plain GSM-7 at the edges of one, two and three parts.
				arguments("empty", "", Encoding.GSM_7, 0, 1), arguments("short", "Hola", Encoding.GSM_7, 4, 1),
				arguments("160 GSM", "a".repeat(160), Encoding.GSM_7, 160, 1),
				arguments("161 GSM", "a".repeat(161), Encoding.GSM_7, 161, 2),
				arguments("306 GSM", "a".repeat(306), Encoding.GSM_7, 306, 2),
				arguments("307 GSM", "a".repeat(307), Encoding.GSM_7, 307, 3),
				arguments("459 GSM", "a".repeat(459), Encoding.GSM_7, 459, 3),
				arguments("460 GSM", "a".repeat(460), Encoding.GSM_7, 460, 4),
				// The extension table: two septets each.
				arguments("euro", "Cuesta 5€", Encoding.GSM_7, 10, 1),
				arguments("brackets, tilde, caret, backslash, bar, braces", "Precio: [5] ~ ^ \\ | { }", Encoding.GSM_7,
						31, 1),
				arguments("form feed", "\f", Encoding.GSM_7, 2, 1),
				arguments("[ makes 161", "[" + "a".repeat(159), Encoding.GSM_7, 161, 2),
				arguments("€ makes exactly 160", "€" + "a".repeat(158), Encoding.GSM_7, 160, 1),
				arguments("€ makes 161", "€" + "a".repeat(159), Encoding.GSM_7, 161, 2),
				arguments("€ makes exactly 306", "€" + "a".repeat(304), Encoding.GSM_7, 306, 2),
				arguments("€ makes 307", "€" + "a".repeat(305), Encoding.GSM_7, 307, 3),
				arguments("80 euros", "€".repeat(80), Encoding.GSM_7, 160, 1),
				// 76 euro signs fill 152 septets; the 77th cannot be split: 2 parts.
				arguments("81 euros", "€".repeat(81), Encoding.GSM_7, 162, 2),
				// Naively 306 / 153 = 2, but the escape of "{" cannot follow 152 septets.
				arguments("escape at the cut", "a".repeat(152) + "{" + "a".repeat(152), Encoding.GSM_7, 306, 3),
				// Accents: GSM-7 has é è ù ì ò à ñ ü ä ö Ç É Ñ Ü, not á í ó ú ç ê ã õ.
				arguments("Spanish GSM accents", "¿Ya? ¡Bien! ñ é ü à Ñ É Ü Ç", Encoding.GSM_7, 27, 1),
				arguments("Spanish í", "¿Año? ¡Sí! ñ é ü à Ñ É Ü Ç", Encoding.UCS_2, 26, 1),
				arguments("día", "día", Encoding.UCS_2, 3, 1),
				arguments("Spanish with new line", "Línea\nnueva", Encoding.UCS_2, 11, 1),
				arguments("Haitian Creole", "Mèsi, nou la. Ou gen yon randevou lendi.", Encoding.GSM_7, 40, 1),
				arguments("Haitian Creole ò è", "Pòt la fèmen, men biwo a louvri demen.", Encoding.GSM_7, 38, 1),
				arguments("French ê", "Où êtes-vous ?", Encoding.UCS_2, 14, 1),
				arguments("lower-case ç", "ç", Encoding.UCS_2, 1, 1),
				arguments("Portuguese ç ã", "Ação: não há prazo", Encoding.UCS_2, 18, 1),
				arguments("Portuguese õ", "Informações", Encoding.UCS_2, 11, 1),
				arguments("Greek capitals in GSM", "ΔΦΓΛΩΠΨΣΘΞ", Encoding.GSM_7, 10, 1),
				arguments("Greek lower case", "Ελλάδα", Encoding.UCS_2, 6, 1),
				arguments("CR and LF", "Line\nnew\r", Encoding.GSM_7, 9, 1),
				arguments("tab", "\t", Encoding.UCS_2, 1, 1), arguments("backtick", "`", Encoding.UCS_2, 1, 1),
				arguments("typographic quotes", "Plazo \u201Cok\u201D", Encoding.UCS_2, 10, 1),
				// UCS-2 at the edges of one, two and three parts.
				arguments("70 UCS-2", "á".repeat(70), Encoding.UCS_2, 70, 1),
				arguments("71 UCS-2", "á".repeat(71), Encoding.UCS_2, 71, 2),
				arguments("134 UCS-2", "á".repeat(134), Encoding.UCS_2, 134, 2),
				arguments("135 UCS-2", "á".repeat(135), Encoding.UCS_2, 135, 3),
				arguments("Arabic", "مرحبا", Encoding.UCS_2, 5, 1),
				arguments("Arabic, 72 units", "مرحبا ".repeat(12), Encoding.UCS_2, 72, 2),
				// An emoji is a surrogate pair: two units, never split.
				arguments("emoji", GRIN, Encoding.UCS_2, 2, 1),
				arguments("35 emoji", GRIN.repeat(35), Encoding.UCS_2, 70, 1),
				// 36 emoji: 33 to a part (66 units), the 34th would be split.
				arguments("36 emoji", GRIN.repeat(36), Encoding.UCS_2, 72, 2),
				arguments("emoji within one SMS", "á".repeat(66) + GRIN + "á", Encoding.UCS_2, 69, 1),
				// 71 units: the emoji would straddle unit 67, so it starts part two.
				arguments("emoji at the cut", "á".repeat(66) + GRIN + "ááá", Encoding.UCS_2, 71, 2));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodies")
	void countsSegmentsAsTheOperatorBills(String name, String body, Encoding encoding, int units, int segments) {
		assertThat(SmsSegments.of(body)).isEqualTo(new SmsSegments(encoding, units, segments));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodies")
	void splitsIntoAsManyPartsAsItCountsAndLosesNothing(String name, String body, Encoding encoding, int units,
			int segments) {
		List<String> parts = SmsSegments.split(body);

		assertThat(parts).hasSize(segments);
		assertThat(String.join("", parts)).isEqualTo(body);
		if (segments > 1) {
			int perPart = (encoding == Encoding.GSM_7) ? 153 : 67;
			assertThat(parts)
				.allSatisfy((part) -> assertThat(SmsSegments.of(part).units()).isLessThanOrEqualTo(perPart));
		}
	}

	@Test
	void theTableHasAtLeastThirtyBodies() {
		assertThat(bodies()).hasSizeGreaterThanOrEqualTo(30);
	}

}
