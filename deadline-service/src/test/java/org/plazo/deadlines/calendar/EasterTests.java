package org.plazo.deadlines.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class EasterTests {

	@ParameterizedTest(name = "Easter {0} is {1}")
	@CsvFileSource(resources = "easter-sundays.csv")
	void agreesWithAnIndependentReferenceForEveryYearFrom2000To2100(int year, LocalDate sunday) {
		assertThat(Easter.sunday(year)).isEqualTo(sunday);
	}

}
