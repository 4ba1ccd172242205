package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReminderPropertiesTests {

	@Test
	void defaultsFollowThePolicyOfTheIssue() {
		ReminderProperties defaults = bind(Map.of());

		assertThat(defaults.filingWindow().daysBefore()).containsExactly(60, 30, 14, 7, 3, 1);
		assertThat(defaults.filingWindow().at()).isEqualTo(LocalTime.of(8, 0));
		assertThat(defaults.fiveDayTerm().lastDayAt()).isEqualTo(LocalTime.of(7, 0));
		assertThat(defaults.documents().daysBefore()).containsExactly(30, 14, 7, 1);
		assertThat(defaults.interview().morningOf()).isEqualTo(LocalTime.of(7, 0));
	}

	@Test
	void anyValueCanBeOverriddenAndTheRestKeepTheirDefaults() {
		ReminderProperties properties = bind(Map.of("plazo.reminders.filing-window.days-before", "90,30",
				"plazo.reminders.documents.at", "09:30", "plazo.reminders.demo-offset", "PT1M"));

		assertThat(properties.filingWindow().daysBefore()).containsExactly(90, 30);
		assertThat(properties.filingWindow().at()).isEqualTo(LocalTime.of(8, 0));
		assertThat(properties.documents().at()).isEqualTo(LocalTime.of(9, 30));
		assertThat(properties.documents().daysBefore()).containsExactly(30, 14, 7, 1);
	}

	@Test
	void supremeCourtTermIsTwoMonthsUnlessConfigured() {
		Binder empty = new Binder(new MapConfigurationPropertySource(Map.of()));
		Binder configured = new Binder(
				new MapConfigurationPropertySource(Map.of("plazo.rules.supreme-court-term", "P3M")));

		assertThat(empty.bindOrCreate("plazo.rules", RuleProperties.class).supremeCourtTerm())
			.isEqualTo(Period.ofMonths(2));
		assertThat(configured.bindOrCreate("plazo.rules", RuleProperties.class).supremeCourtTerm())
			.isEqualTo(Period.ofMonths(3));
	}

	private static ReminderProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("plazo.reminders",
				ReminderProperties.class);
	}

}
