package org.plazo.cases.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Panama's non-business days of a year and the operators' closures, which operators add
 * and remove. A form is checked here as the API checks it; a bad one changes nothing and
 * comes back with every problem named.
 */
@Controller
class CalendarPageController {

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2100;

	static final int MAX_TEXT = 200;

	static final Set<String> KINDS = Set.of("CLOSURE", "OBSERVANCE");

	private final Operations operations;

	private final ConsoleAudit audit;

	private final MessageSource messages;

	private final Clock clock;

	CalendarPageController(Operations operations, ConsoleAudit audit, MessageSource messages, Clock clock) {
		this.operations = operations;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/console/calendar")
	String calendar(@RequestParam(required = false) String year, Model model) {
		int shown = thisYear();
		if (year != null) {
			try {
				int asked = Integer.parseInt(year);
				if (asked >= FIRST_YEAR && asked <= LAST_YEAR) {
					shown = asked;
				}
			}
			catch (NumberFormatException ex) {
				// The current year is shown instead.
			}
		}
		return page(shown, new ClosureForm(null, "CLOSURE", null, null), List.of(), model);
	}

	@PostMapping("/console/calendar/closures")
	String addClosure(@ModelAttribute ClosureForm form, Authentication who, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		List<Outcome.FieldProblem> problems = check(form, locale);
		LocalDate date = problems.stream().anyMatch((p) -> p.field().equals("date")) ? null
				: LocalDate.parse(form.date().strip());
		if (!problems.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page((date != null) ? date.getYear() : thisYear(), form, problems, model);
		}
		Outcome outcome = this.operations.addClosure(date, form.kind(), form.reason().strip(), form.source().strip());
		this.audit.record(who, "closure.add", date.toString(), outcome.status().name());
		if (outcome.status() == Outcome.Status.INVALID) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(date.getYear(), form, outcome.problems(), model);
		}
		redirect.addFlashAttribute(outcome.ok() ? "done" : "problem", "closure.add." + outcome.status().name());
		return "redirect:/console/calendar?year=" + date.getYear();
	}

	@PostMapping("/console/calendar/closures/{id}/delete")
	String removeClosure(@PathVariable String id, @RequestParam(required = false) String year, Authentication who,
			RedirectAttributes redirect) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			redirect.addFlashAttribute("problem", "closure.remove.NOT_FOUND");
			return "redirect:/console/calendar";
		}
		Outcome outcome = this.operations.removeClosure(id);
		this.audit.record(who, "closure.remove", id, outcome.status().name());
		redirect.addFlashAttribute(outcome.ok() ? "done" : "problem", "closure.remove." + outcome.status().name());
		return "redirect:/console/calendar" + (((year != null) && year.matches("\\d{4}")) ? "?year=" + year : "");
	}

	private String page(int year, ClosureForm form, List<Outcome.FieldProblem> problems, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("previousYear", Math.max(FIRST_YEAR, year - 1));
		model.addAttribute("nextYear", Math.min(LAST_YEAR, year + 1));
		model.addAttribute("days", this.operations.nonBusinessDays(year));
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("kinds", List.of("CLOSURE", "OBSERVANCE"));
		return "console/calendar";
	}

	private List<Outcome.FieldProblem> check(ClosureForm form, Locale locale) {
		List<Outcome.FieldProblem> problems = new ArrayList<>();
		if (form.date() == null || form.date().isBlank()) {
			problems.add(problem("date", "problem.required", locale));
		}
		else {
			try {
				LocalDate date = LocalDate.parse(form.date().strip());
				if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
					problems.add(problem("date", "problem.year", locale, FIRST_YEAR, LAST_YEAR));
				}
			}
			catch (DateTimeParseException ex) {
				problems.add(problem("date", "problem.date", locale));
			}
		}
		if (form.kind() == null || !KINDS.contains(form.kind())) {
			problems.add(problem("kind", "problem.kind", locale));
		}
		text("reason", form.reason(), problems, locale);
		text("source", form.source(), problems, locale);
		return problems;
	}

	private void text(String field, String value, List<Outcome.FieldProblem> problems, Locale locale) {
		if (value == null || value.isBlank()) {
			problems.add(problem(field, "problem.required", locale));
		}
		else if (value.strip().length() > MAX_TEXT) {
			problems.add(problem(field, "problem.too-long", locale, MAX_TEXT));
		}
	}

	private Outcome.FieldProblem problem(String field, String key, Locale locale, Object... arguments) {
		return new Outcome.FieldProblem(field, this.messages.getMessage(key, arguments, locale));
	}

	private int thisYear() {
		return LocalDate.ofInstant(this.clock.instant(), Formats.PANAMA).getYear();
	}

	/**
	 * The add-closure form as submitted; checked field by field.
	 *
	 * @param date ISO date, e.g. {@code 2027-05-19}
	 * @param kind {@code CLOSURE} or {@code OBSERVANCE}
	 * @param reason in words
	 * @param source the decree or resolution
	 */
	record ClosureForm(String date, String kind, String reason, String source) {

	}

}
