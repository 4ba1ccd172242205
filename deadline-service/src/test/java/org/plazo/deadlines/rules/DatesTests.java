package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.time.api.constraints.DateRange;

class DatesTests {

	private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

	@Property
	void formatsLikeTheEnglishPatternItReplaces(
			@ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate date) {
		assertThat(Dates.day(date)).isEqualTo(REFERENCE.format(date));
	}

}
