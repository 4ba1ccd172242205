package org.plazo.deadlines.rules;

import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When to remind the person of each kind of deadline ({@code plazo.reminders.*}). Any
 * value left out takes the default shown on each policy.
 *
 * @param filingWindow the six-month filing window: 60, 30, 14, 7, 3 and 1 days before the
 * last day, at 08:00
 * @param fiveDayTerm reconsideration and appeal: the day of notification and each
 * business-day morning after it at 08:00, and the last day at 07:00
 * @param courtTerm the Supreme Court term: 30, 14, 7, 3 and 1 days before, at 08:00
 * @param documents document expiries: 30, 14, 7 and 1 days before, at 08:00
 * @param interview interviews: 3 and 1 days before at 08:00, and 07:00 on the day
 */
@ConfigurationProperties("plazo.reminders")
public record ReminderProperties(DaysBefore filingWindow, FiveDayTerm fiveDayTerm, DaysBefore courtTerm,
		DaysBefore documents, Interview interview) {

	private static final LocalTime EIGHT = LocalTime.of(8, 0);

	private static final LocalTime SEVEN = LocalTime.of(7, 0);

	public ReminderProperties {
		filingWindow = DaysBefore.orDefault(filingWindow, new DaysBefore(List.of(60, 30, 14, 7, 3, 1), EIGHT));
		fiveDayTerm = FiveDayTerm.orDefault(fiveDayTerm, new FiveDayTerm(EIGHT, SEVEN));
		courtTerm = DaysBefore.orDefault(courtTerm, new DaysBefore(List.of(30, 14, 7, 3, 1), EIGHT));
		documents = DaysBefore.orDefault(documents, new DaysBefore(List.of(30, 14, 7, 1), EIGHT));
		interview = Interview.orDefault(interview, new Interview(List.of(3, 1), EIGHT, SEVEN));
	}

	static ReminderProperties defaults() {
		return new ReminderProperties(null, null, null, null, null);
	}

	/** Reminders a number of calendar days before the last day, at a time of day. */
	public record DaysBefore(List<Integer> daysBefore, LocalTime at) {

		static DaysBefore orDefault(DaysBefore given, DaysBefore fallback) {
			if (given == null) {
				return fallback;
			}
			return new DaysBefore((given.daysBefore != null) ? List.copyOf(given.daysBefore) : fallback.daysBefore,
					(given.at != null) ? given.at : fallback.at);
		}

	}

	/**
	 * Five-business-day terms: the day of notification and each counted day at
	 * {@code at}, the last day at {@code lastDayAt}.
	 */
	public record FiveDayTerm(LocalTime at, LocalTime lastDayAt) {

		static FiveDayTerm orDefault(FiveDayTerm given, FiveDayTerm fallback) {
			if (given == null) {
				return fallback;
			}
			return new FiveDayTerm((given.at != null) ? given.at : fallback.at,
					(given.lastDayAt != null) ? given.lastDayAt : fallback.lastDayAt);
		}

	}

	/**
	 * Interviews: days before at {@code at}, and on the morning of the day at
	 * {@code morningOf} (or an hour before an earlier interview).
	 */
	public record Interview(List<Integer> daysBefore, LocalTime at, LocalTime morningOf) {

		static Interview orDefault(Interview given, Interview fallback) {
			if (given == null) {
				return fallback;
			}
			return new Interview((given.daysBefore != null) ? List.copyOf(given.daysBefore) : fallback.daysBefore,
					(given.at != null) ? given.at : fallback.at,
					(given.morningOf != null) ? given.morningOf : fallback.morningOf);
		}

	}

}
