package org.plazo.cases.console;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The NGOs' webhook endpoints and their health.
 */
@Controller
class SubscriptionsController {

	private final Operations operations;

	SubscriptionsController(Operations operations) {
		this.operations = operations;
	}

	@GetMapping("/console/subscriptions")
	String subscriptions(Model model) {
		model.addAttribute("endpoints",
				this.operations.webhookEndpoints().map((rows) -> rows.stream().map(EndpointRow::of).toList()));
		return "console/subscriptions";
	}

	record EndpointRow(String ngo, String endpoint, String successRate, int attempts, String lastFailureAt,
			String lastFailure, boolean disabled, String disabledReason, String failingSince) {

		static EndpointRow of(Operations.Endpoint endpoint) {
			String rate = (endpoint.successRate30d() != null)
					? String.format(Locale.ROOT, "%.1f %%", endpoint.successRate30d() * 100) : "—";
			return new EndpointRow(endpoint.ngoId(), endpoint.endpointHost(), rate, endpoint.attempts30d(),
					Formats.instant(endpoint.lastFailureAt()), endpoint.lastFailureReason(), endpoint.disabled(),
					endpoint.disabledReason(), Formats.instant(endpoint.failingSince()));
		}

	}

}
