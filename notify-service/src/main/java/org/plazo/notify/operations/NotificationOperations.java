package org.plazo.notify.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.plazo.notify.notifications.ReminderDelivery;
import org.plazo.notify.operations.OperationsAudit.Entry;
import org.plazo.notify.operations.OperationsProblems.Conflict;
import org.plazo.notify.operations.OperationsProblems.NotFound;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The operator's view of deliveries to people: what failed or was never acknowledged, a
 * case's whole delivery history, who opted out while a five-day term runs, and daily
 * figures. Each answer is one query, or a few by {@code _id}, per request; they scan on
 * the MongoDB stand-in, which is fine for an operator's page and never on the delivery
 * path. The one action, a retry, goes through {@link ReminderDelivery} and is audited.
 */
@Service
class NotificationOperations {

	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	static final String RETRY_NOTIFICATION = "RETRY_NOTIFICATION";

	/** Five-business-day terms: a reminder that does not arrive is escalated. */
	static final Set<String> SHORT_TERMS = Set.of("RECONSIDERATION", "APPEAL");

	/** Failures of the person's own choosing, which no operator may override. */
	static final Set<String> PERSONS_CHOICE = Set.of("OPTED_OUT", "NO_CONSENT");

	private final MongoOperations mongo;

	private final ReminderDelivery delivery;

	private final OperationsAudit audit;

	private final Clock clock;

	NotificationOperations(MongoOperations mongo, ReminderDelivery delivery, OperationsAudit audit, Clock clock) {
		this.mongo = mongo;
		this.delivery = delivery;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Notifications in a status, the latest change first.
	 * @param status the status, or {@code null} for any
	 * @param reason the failure reason code, or {@code null} for any
	 * @param criticalOnly only those whose loss is escalated (five-day terms, last day)
	 * @param limit at most this many
	 * @return the notifications
	 */
	List<NotificationView> inStatus(String status, String reason, boolean criticalOnly, int limit) {
		Criteria criteria = new Criteria();
		if (status != null) {
			criteria = criteria.and("status").is(status);
		}
		if (reason != null) {
			criteria = criteria.and("failureReason").is(reason);
		}
		return find(criteria, criticalOnly, limit);
	}

	/**
	 * SMS a provider accepted but whose delivery receipt has not come for {@code age}.
	 * Email has no receipts, so it is never listed here.
	 * @param age how long without a receipt
	 * @param criticalOnly only those whose loss is escalated (five-day terms, last day)
	 * @param limit at most this many
	 * @return the notifications, the oldest change last
	 */
	List<NotificationView> unacknowledged(Duration age, boolean criticalOnly, int limit) {
		Instant before = this.clock.instant().minus(age);
		return find(where("status").is("SENT").and("channel").is("SMS").and("updatedAt").lte(before), criticalOnly,
				limit);
	}

	/**
	 * Every notification of a case, with the operators' retries and the webhook
	 * deliveries to organisations about it, for the case's timeline.
	 * @param caseId the case
	 * @return its deliveries; empty lists when there are none
	 */
	CaseDeliveries ofCase(String caseId) {
		List<NotificationView> notifications = this.mongo
			.find(query(where("caseId").is(caseId)), Stored.Notification.class, Stored.NOTIFICATIONS)
			.stream()
			.map(NotificationView::of)
			.sorted(Comparator.comparing(NotificationView::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		List<WebhookView> webhooks = this.mongo
			.find(query(where("caseId").is(caseId)), Stored.Delivery.class, Stored.DELIVERIES)
			.stream()
			.map(WebhookView::of)
			.sorted(Comparator.comparing(WebhookView::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		List<Entry> retries = this.audit.about(notifications.stream().map(NotificationView::notificationId).toList());
		return new CaseDeliveries(caseId, notifications, retries, webhooks);
	}

	/**
	 * Re-queues a failed notification for delivery, once, and records who asked.
	 * @param id the notification
	 * @param actor the subject of the operator's (or the console's) token
	 * @param onBehalfOf the person the client acts for, or {@code null}
	 * @return what was done
	 * @throws NotFound when there is no such notification
	 * @throws Conflict when it is not failed, or failed by the person's choice
	 */
	RetryAccepted retry(String id, String actor, String onBehalfOf) {
		Stored.Notification found = this.mongo.findById(id, Stored.Notification.class, Stored.NOTIFICATIONS);
		if (found == null) {
			throw new NotFound("There is no notification with that id.");
		}
		if (!"FAILED".equals(found.status())) {
			throw new Conflict("Only a failed notification can be retried; this one is " + found.status() + ".",
					found.status());
		}
		if (PERSONS_CHOICE.contains(found.failureReason())) {
			throw new Conflict(
					"The person chose not to receive messages (" + found.failureReason() + "); it cannot be retried.",
					found.status());
		}
		if (!this.delivery.requeueFailed(id)) {
			// Another operator, or the service, changed it in between.
			throw new Conflict("The notification changed while it was being retried; reload it.", "CHANGED");
		}
		Entry entry = this.audit.record(actor, onBehalfOf, RETRY_NOTIFICATION, id);
		// The deferred sender may already be sending it: say what this request did.
		return new RetryAccepted(id, found.caseId(), "DEFERRED", entry.at(), actor, onBehalfOf);
	}

	/**
	 * Cases whose phone opted out while a five-business-day term of the case is open.
	 * Three queries: the opted-out phones (scan), their cases (scan), those cases'
	 * deadlines (by {@code _id}).
	 * @return one entry per open five-day term, the soonest first
	 */
	List<OptedOutAtRisk> optedOutDuringShortTerms() {
		Instant now = this.clock.instant();
		Map<String, Instant> optedOutAt = new HashMap<>();
		this.mongo.find(query(where("optedOut").is(true)), Stored.PhoneContact.class, Stored.PHONE_CONTACTS)
			.forEach((contact) -> contact.phoneIndex().forEach((hash) -> optedOutAt.put(hash, contact.optedOutAt())));
		if (optedOutAt.isEmpty()) {
			return List.of();
		}
		Map<String, Instant> caseOptedOutAt = new HashMap<>();
		// Phones are matched by their keyed hashes (docs/security.md), never by number.
		this.mongo.find(query(where("phoneIndex").in(optedOutAt.keySet())), Stored.Recipient.class, Stored.RECIPIENTS)
			.forEach((recipient) -> recipient.phoneIndex()
				.stream()
				.filter(optedOutAt::containsKey)
				.findFirst()
				.ifPresent((hash) -> caseOptedOutAt.put(recipient.caseId(), optedOutAt.get(hash))));
		if (caseOptedOutAt.isEmpty()) {
			return List.of();
		}
		List<OptedOutAtRisk> atRisk = new ArrayList<>();
		for (Stored.CaseDeadlines deadlines : this.mongo.find(query(where("_id").in(caseOptedOutAt.keySet())),
				Stored.CaseDeadlines.class, Stored.CASE_DEADLINES)) {
			for (Stored.Deadline deadline : deadlines.deadlines()) {
				if (SHORT_TERMS.contains(deadline.kind()) && "OPEN".equals(deadline.status())
						&& deadline.dueAt() != null && deadline.dueAt().isAfter(now)) {
					atRisk.add(new OptedOutAtRisk(deadlines.caseId(), caseOptedOutAt.get(deadlines.caseId()),
							deadline.kind(), deadline.deadlineId(), deadline.lastDay(), deadline.dueAt()));
				}
			}
		}
		atRisk.sort(Comparator.comparing(OptedOutAtRisk::dueAt).thenComparing(OptedOutAtRisk::caseId));
		return atRisk;
	}

	/**
	 * Deliveries per Panama day (of the notification's first attempt), channel and
	 * provider, for the last {@code days} days including today. Only combinations with
	 * deliveries are listed.
	 * @param days how many days
	 * @return the rows by date, channel and provider
	 */
	List<DeliveryStats> deliveryStats(int days) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), PANAMA);
		Instant from = today.minusDays(days - 1L).atStartOfDay(PANAMA).toInstant();
		Query since = query(where("createdAt").gte(from));
		since.fields().include("channel", "provider", "status", "failureReason", "createdAt");
		Map<String, long[]> counts = new TreeMap<>();
		Map<String, DeliveryStats> keys = new HashMap<>();
		for (Stored.Notification notification : this.mongo.find(since, Stored.Notification.class,
				Stored.NOTIFICATIONS)) {
			LocalDate date = LocalDate.ofInstant(notification.createdAt(), PANAMA);
			String key = date + "|" + notification.channel() + "|" + Objects.toString(notification.provider(), "");
			keys.putIfAbsent(key, new DeliveryStats(date, notification.channel(), notification.provider(), 0, 0, 0));
			long[] figures = counts.computeIfAbsent(key, (k) -> new long[3]);
			String status = notification.status();
			boolean accepted = "SENT".equals(status) || "DELIVERED".equals(status)
					|| "UNDELIVERED".equals(notification.failureReason());
			if (accepted) {
				figures[0]++;
			}
			if ("DELIVERED".equals(status)) {
				figures[1]++;
			}
			if ("FAILED".equals(status)) {
				figures[2]++;
			}
		}
		List<DeliveryStats> stats = new ArrayList<>();
		counts.forEach((key, figures) -> {
			DeliveryStats row = keys.get(key);
			stats.add(new DeliveryStats(row.date(), row.channel(), row.provider(), figures[0], figures[1], figures[2]));
		});
		return stats;
	}

	private List<NotificationView> find(Criteria criteria, boolean criticalOnly, int limit) {
		Query query = query(criteria).with(Sort.by(Sort.Direction.DESC, "updatedAt"));
		if (!criticalOnly) {
			query.limit(limit);
		}
		// "Critical" depends on two fields of one document: decided here, after the
		// query.
		return this.mongo.find(query, Stored.Notification.class, Stored.NOTIFICATIONS)
			.stream()
			.map(NotificationView::of)
			.filter((notification) -> !criticalOnly || notification.critical())
			.limit(limit)
			.toList();
	}

	/**
	 * Whether someone must hear that this reminder did not arrive: one of a five-day
	 * term, or one sent on the last day (as the notifications feature decides).
	 */
	static boolean critical(Stored.Notification notification) {
		return SHORT_TERMS.contains(notification.kind())
				|| (notification.lastDay() != null && notification.scheduledFor() != null
						&& notification.lastDay().equals(LocalDate.ofInstant(notification.scheduledFor(), PANAMA)));
	}

	record NotificationView(String notificationId, String caseId, String reminderId, String deadlineId,
			String deadlineKind, LocalDate dueDate, String channel, String provider, String status, int attempts,
			String failureReason, String providerCode, String deferredFor, Instant notBefore, String escalation,
			boolean critical, Instant createdAt, Instant updatedAt) {

		static NotificationView of(Stored.Notification n) {
			return new NotificationView(n.id(), n.caseId(), n.reminderId(), n.deadlineId(), n.kind(), n.lastDay(),
					n.channel(), n.provider(), n.status(), (n.attempts() != null) ? n.attempts() : 0, n.failureReason(),
					n.providerCode(), n.deferredFor(), n.notBefore(), n.escalation(),
					NotificationOperations.critical(n), n.createdAt(), n.updatedAt());
		}

	}

	/**
	 * A retry accepted: the notification is queued for the deferred sender.
	 *
	 * @param notificationId the notification
	 * @param caseId its case
	 * @param status {@code DEFERRED}, as this request left it
	 * @param notBefore from when it may be sent: now (at night the sender puts an SMS off
	 * again until quiet hours end)
	 * @param actor the subject of the token that asked
	 * @param onBehalfOf the person the client acted for, or {@code null}
	 */
	record RetryAccepted(String notificationId, String caseId, String status, Instant notBefore, String actor,
			String onBehalfOf) {

	}

	record WebhookView(String deliveryId, String endpointId, String ngoId, String eventType, String status,
			int attempts, String outcome, List<Stored.Attempt> log, Instant createdAt, Instant finishedAt) {

		static WebhookView of(Stored.Delivery d) {
			return new WebhookView(d.id(), d.endpointId(), d.ngoId(), d.type(), d.status(),
					(d.attempts() != null) ? d.attempts() : 0, d.outcome(), d.log(), d.createdAt(), d.finishedAt());
		}

	}

	record CaseDeliveries(String caseId, List<NotificationView> notifications, List<Entry> retries,
			List<WebhookView> webhookDeliveries) {

	}

	record OptedOutAtRisk(String caseId, Instant optedOutAt, String deadlineKind, String deadlineId, LocalDate dueDate,
			Instant dueAt) {

	}

	record DeliveryStats(LocalDate date, String channel, String provider, long sent, long delivered, long failed) {

	}

}
