package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.plazo.deadlines.calendar.BusinessCalendar;
import org.plazo.deadlines.calendar.DayKind;
import org.plazo.deadlines.calendar.NonBusinessDay;

/**
 * The golden table ({@code golden-calendar.csv}): hand-checked cases across 2024 to 2030,
 * each with a comment on why. Verified against a real calendar and python-dateutil's
 * Easter, not against this code.
 */
class GoldenTableTests {

	private final DeadlineEngine engine = DeadlineEngine
		.standalone(Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));

	@ParameterizedTest(name = "{0} {1} {2} [{3}] -> {4} / {5}: {6}")
	@CsvFileSource(resources = "golden-calendar.csv", useHeadersInDisplayName = false, numLinesToSkip = 1)
	void matchesTheHandCheckedTable(String operation, LocalDate input, Integer amount, String closures, String expected,
			String alternative, String why) {
		BusinessCalendar calendar = calendar(closures);
		switch (operation) {
			case "day" -> assertThat(kindOf(calendar, input)).as(why).isEqualTo(expected);
			case "add-business-days" -> {
				assertThat(calendar.addBusinessDays(input, amount).date()).as(why).isEqualTo(expected);
				assertThat(calendar.closuresCounting().addBusinessDays(input, amount).date()).as(why)
					.isEqualTo(alternative);
			}
			case "act-by" ->
				assertThat(calendar.closuresCounting().businessDayOnOrBefore(input)).as(why).isEqualTo(expected);
			case "plus-months" -> assertThat(input.plusMonths(amount)).as(why).isEqualTo(expected);
			case "filing-window" -> {
				ComputedDeadline window = this.engine.compute(CaseFacts.opened("golden", input), calendar).get(0);
				assertThat(window.lastDay()).as(why).isEqualTo(expected);
				if (!alternative.equals(expected)) {
					assertThat(window.explanation()).as(why)
						.anyMatch((line) -> line.startsWith("If the decreed closures")
								&& line.endsWith("the last day is " + Dates.day(LocalDate.parse(alternative)) + "."));
				}
			}
			default -> throw new IllegalArgumentException("Unknown operation " + operation);
		}
	}

	private static String kindOf(BusinessCalendar calendar, LocalDate day) {
		return calendar.describe(day).map((reason) -> reason.kind().name().toLowerCase()).orElse("business");
	}

	private static BusinessCalendar calendar(String closures) {
		if (closures == null) {
			return BusinessCalendar.statutory();
		}
		List<NonBusinessDay> days = Arrays.stream(closures.split(";"))
			.map((date) -> new NonBusinessDay(LocalDate.parse(date), DayKind.CLOSURE, "Decreed closure",
					"Decreto Ejecutivo de prueba"))
			.toList();
		return BusinessCalendar.withOperatorDays(days);
	}

}
