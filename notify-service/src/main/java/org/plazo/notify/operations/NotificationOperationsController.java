package org.plazo.notify.operations;

import java.time.Duration;
import java.util.List;

import org.plazo.notify.operations.DeadLetterReader.DeadLetter;
import org.plazo.notify.operations.NotificationOperations.CaseDeliveries;
import org.plazo.notify.operations.NotificationOperations.DeliveryStats;
import org.plazo.notify.operations.NotificationOperations.NotificationView;
import org.plazo.notify.operations.NotificationOperations.OptedOutAtRisk;
import org.plazo.notify.operations.NotificationOperations.RetryAccepted;
import org.plazo.notify.operations.OperationsProblems.InvalidParameter;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the operator console reads and does about deliveries to people. Case ids and codes
 * only: never a name, phone number or email.
 */
@RestController
@RequestMapping("/api/v1/operations")
class NotificationOperationsController {

	static final List<String> STATUSES = List.of("SENDING", "DEFERRED", "SENT", "DELIVERED", "FAILED");

	static final List<String> REASONS = List.of("UNKNOWN_RECIPIENT", "NO_CONSENT", "OPTED_OUT", "NO_ADDRESS",
			"PROVIDER_REJECTED", "PROVIDER_ERROR", "UNDELIVERED", "ERASED");

	static final Duration LONGEST_UNACKNOWLEDGED = Duration.ofDays(30);

	static final int MOST_ROWS = 1000;

	static final int MOST_DAYS = 90;

	private final NotificationOperations operations;

	private final DeadLetterReader deadLetters;

	NotificationOperationsController(NotificationOperations operations, DeadLetterReader deadLetters) {
		this.operations = operations;
		this.deadLetters = deadLetters;
	}

	/**
	 * Notifications by status and failure reason, or ({@code unacknowledgedFor}) SMS sent
	 * that long ago without a delivery receipt; {@code critical=true}: only reminders
	 * whose loss is escalated. The latest change first.
	 */
	@GetMapping("/notifications")
	List<NotificationView> notifications(@RequestParam(required = false) String status,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String unacknowledgedFor,
			@RequestParam(defaultValue = "false") boolean critical, @RequestParam(defaultValue = "200") int limit) {
		Parameters.oneOf("status", status, STATUSES);
		Parameters.oneOf("reason", reason, REASONS);
		Parameters.between("limit", limit, 1, MOST_ROWS);
		if (unacknowledgedFor != null) {
			Duration age = Parameters.duration("unacknowledgedFor", unacknowledgedFor, LONGEST_UNACKNOWLEDGED);
			if (status != null && !"SENT".equals(status)) {
				throw new InvalidParameter("status", "must be SENT or absent with unacknowledgedFor");
			}
			if (reason != null) {
				throw new InvalidParameter("reason", "must be absent with unacknowledgedFor");
			}
			return this.operations.unacknowledged(age, critical, limit);
		}
		return this.operations.inStatus(status, reason, critical, limit);
	}

	/**
	 * The latest records this service could not process and sent to a dead-letter topic
	 * (for example a reminder that could not be read): case id, event type and id, and
	 * the exception's class. The newest first.
	 */
	@GetMapping("/notifications/dead-letters")
	List<DeadLetter> deadLetters(@RequestParam(defaultValue = "100") int limit) {
		return this.deadLetters.latest(Parameters.between("limit", limit, 1, MOST_ROWS));
	}

	/**
	 * Every notification of a case, the operators' retries and the webhook deliveries.
	 */
	@GetMapping("/cases/{caseId}/notifications")
	CaseDeliveries ofCase(@PathVariable String caseId) {
		return this.operations.ofCase(Parameters.id("caseId", caseId));
	}

	/**
	 * Re-queues a failed notification for delivery once; audited with the token's subject
	 * as the actor and, when a client such as the console acts for a person, that
	 * person's username from {@code X-Plazo-Actor}.
	 */
	@PostMapping("/notifications/{id}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	RetryAccepted retry(@PathVariable String id, Authentication caller,
			@RequestHeader(name = Parameters.ACTOR_HEADER, required = false) String onBehalfOf) {
		return this.operations.retry(Parameters.id("id", id), caller.getName(), Parameters.onBehalfOf(onBehalfOf));
	}

	/** People who opted out while a five-business-day term of their case runs. */
	@GetMapping("/at-risk/opted-out")
	List<OptedOutAtRisk> optedOut() {
		return this.operations.optedOutDuringShortTerms();
	}

	/** Sent, delivered and failed per day, channel and provider. */
	@GetMapping("/stats/deliveries")
	List<DeliveryStats> deliveryStats(@RequestParam(defaultValue = "30") int days) {
		return this.operations.deliveryStats(Parameters.between("days", days, 1, MOST_DAYS));
	}

}
