package org.plazo.notify.conversations;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ArrivalDatesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 8, 4);

	static Stream<Arguments> dates() {
		return Stream.of(arguments("REGISTRO 15/03/2026", LocalDate.of(2026, 3, 15)),
				arguments("LLEGUE 15-3-26", LocalDate.of(2026, 3, 15)),
				arguments("ARRIVED 15 marzo", LocalDate.of(2026, 3, 15)),
				arguments("15 de marzo", LocalDate.of(2026, 3, 15)),
				arguments("llegué el 15 de marzo de 2025", LocalDate.of(2025, 3, 15)),
				arguments("15.03.2026", LocalDate.of(2026, 3, 15)), arguments("1/4/26", LocalDate.of(2026, 4, 1)),
				arguments("March 15, 2026", LocalDate.of(2026, 3, 15)),
				arguments("arrived march 15th", LocalDate.of(2026, 3, 15)),
				arguments("15 mars 2026", LocalDate.of(2026, 3, 15)), arguments("1er avril", LocalDate.of(2026, 4, 1)),
				arguments("CHEGUEI 15 de março de 2026", LocalDate.of(2026, 3, 15)),
				arguments("rive 15 mas 2026", LocalDate.of(2026, 3, 15)), arguments("3 ago", LocalDate.of(2026, 8, 3)),
				// Without a year: the last such day that is not in the future.
				arguments("15 septiembre", LocalDate.of(2025, 9, 15)), arguments("4/8", LocalDate.of(2026, 8, 4)),
				arguments("5/8", LocalDate.of(2025, 8, 5)),
				// Future or long past: read as written, questioned by the conversation.
				arguments("15/03/2027", LocalDate.of(2027, 3, 15)), arguments("15/03/2019", LocalDate.of(2019, 3, 15)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dates")
	void readsDayFirstAndMonthNamesInFiveLanguages(String text, LocalDate expected) {
		assertThat(ArrivalDates.read(text, TODAY)).isEqualTo(new ArrivalDates.Found(expected));
	}

	static Stream<Arguments> unclear() {
		return Stream.of(arguments("31/02/2026"), arguments("15/13/2026"), arguments("29/02/2026"),
				arguments("llegué hace 3 semanas"), arguments("15/03 o 16/03"), arguments("2026"),
				arguments("15/03/026"), arguments("15 de marzo y 2 de abril"), arguments("el 15"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unclear")
	void anythingThatWouldNeedAGuessIsUnclear(String text) {
		assertThat(ArrivalDates.read(text, TODAY)).isInstanceOf(ArrivalDates.Unclear.class);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nothing")
	void textWithoutADateHasNone(String text) {
		assertThat(ArrivalDates.read(text, TODAY)).isInstanceOf(ArrivalDates.Nothing.class);
	}

	static Stream<Arguments> nothing() {
		return Stream.of(arguments("REGISTRO"), arguments("no sé"), arguments(""), arguments("en marzo"));
	}

}
