package org.plazo.deadlines.calendar;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Panama's calendar: the non-business days of a year, business-day arithmetic, and the
 * operator's closures and observances.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController {

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2100;

	private final CalendarManagement calendars;

	CalendarController(CalendarManagement calendars) {
		this.calendars = calendars;
	}

	/** Every weekday of {@code year} that is not, or may not be, a business day. */
	@GetMapping("/{year}")
	YearView year(@PathVariable @Min(FIRST_YEAR) @Max(LAST_YEAR) int year) {
		List<Closure> closures = this.calendars.closures();
		List<DayView> days = this.calendars.current()
			.nonBusinessWeekdays(year)
			.stream()
			.map((day) -> DayView.of(day, closures))
			.toList();
		return new YearView(year, days);
	}

	/**
	 * {@code add} business days after {@code from}: day 1 is the first business day after
	 * {@code from}; {@code add=0} returns {@code from} itself. {@code date} is the
	 * earliest reading (decreed closures are business days); {@code dateIfClosuresCount}
	 * the other.
	 */
	@GetMapping("/business-days")
	BusinessDaysView businessDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @Min(0) @Max(400) int add) {
		requireSupportedYear("from", from);
		BusinessCalendar calendar = this.calendars.current();
		BusinessDayCount count = calendar.addBusinessDays(from, add);
		LocalDate other = calendar.closuresCounting().addBusinessDays(from, add).date();
		List<SkippedView> skipped = count.skipped().stream().map(SkippedView::of).toList();
		List<SkippedView> closuresCounted = count.counted()
			.stream()
			.flatMap((day) -> calendar.operatorDay(day).stream())
			.map(SkippedView::of)
			.toList();
		return new BusinessDaysView(from, add, count.date(), skipped, other, closuresCounted);
	}

	@GetMapping("/closures")
	List<Closure> closures() {
		return this.calendars.closures();
	}

	@PostMapping("/closures")
	ResponseEntity<Closure> addClosure(@Valid @RequestBody NewClosure body) {
		requireSupportedYear("date", body.date());
		Closure closure = this.calendars.add(body.date(), body.kind(), body.reason().strip(), body.source().strip());
		return ResponseEntity.created(URI.create("/api/v1/calendar/closures/" + closure.id())).body(closure);
	}

	@DeleteMapping("/closures/{id}")
	ResponseEntity<Void> removeClosure(@PathVariable String id) {
		if (!this.calendars.remove(id)) {
			throw new NotFound("There is no closure with that id.");
		}
		return ResponseEntity.noContent().build();
	}

	private static void requireSupportedYear(String field, LocalDate date) {
		if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
			throw new InvalidInput(field, "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
		}
	}

	record NewClosure(@NotNull LocalDate date, @NotNull ClosureKind kind, @NotBlank @Size(max = 200) String reason,
			@NotBlank @Size(max = 200) String source) {

	}

	record YearView(int year, List<DayView> days) {

	}

	/**
	 * A non-business weekday; {@code closureId} for an operator's entry, to delete it.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DayView(LocalDate date, DayKind kind, String reason, String source, String closureId) {

		static DayView of(NonBusinessDay day, List<Closure> closures) {
			String id = day.kind().operatorManaged() ? closures.stream()
				.filter((closure) -> closure.date().equals(day.date()))
				.map(Closure::id)
				.findFirst()
				.orElse(null) : null;
			return new DayView(day.date(), day.kind(), day.reason(), day.source(), id);
		}

	}

	record SkippedView(LocalDate date, DayKind kind, String reason, String source) {

		static SkippedView of(NonBusinessDay day) {
			return new SkippedView(day.date(), day.kind(), day.reason(), day.source());
		}

	}

	/**
	 * @param closuresCounted decreed closures that were counted as business days for
	 * {@code date}
	 */
	record BusinessDaysView(LocalDate from, int add, LocalDate date, List<SkippedView> skipped,
			LocalDate dateIfClosuresCount, List<SkippedView> closuresCounted) {

	}

}
