package org.plazo.cases.console;

import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Failed and dead-lettered deliveries, notifications and webhooks, with a retry button
 * for operators on notifications (notify-service offers no webhook retry yet). Every
 * retry is audited, whatever its outcome.
 */
@Controller
class DeliveriesController {

	/** Ids as notify-service makes them: a reminder id and a channel, or a UUID. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9:_.-]{1,200}");

	private final Operations operations;

	private final ConsoleAudit audit;

	DeliveriesController(Operations operations, ConsoleAudit audit) {
		this.operations = operations;
		this.audit = audit;
	}

	@GetMapping("/console/deliveries")
	String deliveries(Model model) {
		model.addAttribute("notifications", this.operations.notifications("FAILED")
			.map((rows) -> rows.stream().map((row) -> AtRiskController.NotificationRow.of(row, null)).toList()));
		model.addAttribute("webhooks", this.operations.webhookDeliveries("FAILED")
			.map((rows) -> rows.stream()
				.map((row) -> new WebhookRow(row.ngoId(), row.eventType(), row.status(), row.outcome(), row.attempts(),
						Formats.instant((row.finishedAt() != null) ? row.finishedAt() : row.createdAt())))
				.toList()));
		return "console/deliveries";
	}

	@PostMapping("/console/deliveries/notifications/{id}/retry")
	String retryNotification(@PathVariable String id, @RequestParam(required = false) String returnTo,
			Authentication who, RedirectAttributes redirect) {
		if (!ID.matcher(id).matches()) {
			redirect.addFlashAttribute("problem", "retry.invalid");
			return back(returnTo);
		}
		Outcome outcome = this.operations.retryNotification(id, who.getName());
		this.audit.record(who, "notification.retry", id, outcome.status().name());
		redirect.addFlashAttribute(outcome.ok() ? "done" : "problem", "retry." + outcome.status().name());
		return back(returnTo);
	}

	/** Back to the page the button was on, if it is a console page; else the list. */
	private static String back(String returnTo) {
		if (returnTo != null && returnTo.matches("/console/cases/[A-Za-z0-9_-]{1,100}")) {
			return "redirect:" + returnTo;
		}
		return "redirect:/console/deliveries";
	}

	record WebhookRow(String ngoId, String eventType, String status, String outcome, int attempts, String when) {

	}

}
