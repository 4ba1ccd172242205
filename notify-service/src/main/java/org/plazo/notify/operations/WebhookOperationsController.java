package org.plazo.notify.operations;

import java.util.List;

import org.plazo.notify.operations.NotificationOperations.WebhookView;
import org.plazo.notify.operations.WebhookOperations.DayLatency;
import org.plazo.notify.operations.WebhookOperations.EndpointHealth;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisations' webhook endpoints and deliveries, for the operator console.
 */
@RestController
@RequestMapping("/api/v1/operations")
class WebhookOperationsController {

	static final List<String> STATUSES = List.of("WAITING", "PENDING", "SUCCEEDED", "FAILED", "CANCELLED");

	private final WebhookOperations operations;

	WebhookOperationsController(WebhookOperations operations) {
		this.operations = operations;
	}

	@GetMapping("/webhooks/endpoints")
	List<EndpointHealth> endpoints() {
		return this.operations.endpoints();
	}

	@GetMapping("/webhooks/deliveries")
	List<WebhookView> deliveries(@RequestParam(defaultValue = "FAILED") String status,
			@RequestParam(defaultValue = "200") int limit) {
		Parameters.oneOf("status", status, STATUSES);
		Parameters.between("limit", limit, 1, NotificationOperationsController.MOST_ROWS);
		return this.operations.deliveries(status, limit);
	}

	/** Webhook attempts per day with their p50 and p95 latency. */
	@GetMapping("/stats/webhook-latency")
	List<DayLatency> latency(@RequestParam(defaultValue = "30") int days) {
		return this.operations.latency(Parameters.between("days", days, 1, NotificationOperationsController.MOST_DAYS));
	}

}
