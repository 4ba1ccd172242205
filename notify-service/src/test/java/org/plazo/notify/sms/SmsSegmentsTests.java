package org.plazo.notify.sms;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plazo.notify.sms.SmsSegments.Encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SmsSegmentsTests {

	static Stream<Arguments> bodies() {
		return Stream.of(arguments("", Encoding.GSM_7, 0, 1), arguments("Hola", Encoding.GSM_7, 4, 1),
				arguments("a".repeat(160), Encoding.GSM_7, 160, 1), arguments("a".repeat(161), Encoding.GSM_7, 161, 2),
				arguments("a".repeat(306), Encoding.GSM_7, 306, 2), arguments("a".repeat(307), Encoding.GSM_7, 307, 3),
				arguments("Cuesta 5€", Encoding.GSM_7, 10, 1), arguments("[" + "a".repeat(159), Encoding.GSM_7, 161, 2),
				// 80 euro signs fill one SMS exactly; 81 split 76 + 5, never an escape in
				// two.
				arguments("€".repeat(80), Encoding.GSM_7, 160, 1), arguments("€".repeat(81), Encoding.GSM_7, 162, 2),
				// Naively 306 / 153 = 2, but the escape of "{" cannot follow 152 septets.
				arguments("a".repeat(152) + "{" + "a".repeat(152), Encoding.GSM_7, 306, 3),
				arguments("¿Año? ¡Sí! ñ é ü à Ñ É Ü Ç", Encoding.UCS_2, 26, 1),
				arguments("¿Ya? ¡Bien! ñ é ü à Ñ É Ü Ç", Encoding.GSM_7, 27, 1),
				arguments("Mèsi, nou la. Ou gen yon randevou lendi.", Encoding.GSM_7, 40, 1),
				arguments("Où êtes-vous ?", Encoding.UCS_2, 14, 1), arguments("ç", Encoding.UCS_2, 1, 1),
				arguments("día", Encoding.UCS_2, 3, 1), arguments("á".repeat(70), Encoding.UCS_2, 70, 1),
				arguments("á".repeat(71), Encoding.UCS_2, 71, 2), arguments("á".repeat(134), Encoding.UCS_2, 134, 2),
				arguments("á".repeat(135), Encoding.UCS_2, 135, 3), arguments("مرحبا", Encoding.UCS_2, 5, 1),
				arguments("\uD83D\uDE00", Encoding.UCS_2, 2, 1),
				arguments("\uD83D\uDE00".repeat(35), Encoding.UCS_2, 70, 1),
				// 36 emoji: 33 to a part (66 units), the 34th would be split.
				arguments("\uD83D\uDE00".repeat(36), Encoding.UCS_2, 72, 2),
				arguments("Plazo \u201Cok\u201D", Encoding.UCS_2, 10, 1));
	}

	@ParameterizedTest
	@MethodSource("bodies")
	void countsSegmentsAsTheOperatorBills(String body, Encoding encoding, int units, int segments) {
		assertThat(SmsSegments.of(body)).isEqualTo(new SmsSegments(encoding, units, segments));
	}

}
