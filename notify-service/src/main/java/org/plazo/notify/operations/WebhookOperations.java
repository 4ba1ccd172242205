package org.plazo.notify.operations;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The health of the organisations' webhook endpoints, as their delivery logs tell it. One
 * query per answer (plus the endpoints, a small collection).
 */
@Service
class WebhookOperations {

	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	static final int HEALTH_DAYS = 30;

	private final MongoOperations mongo;

	private final Clock clock;

	WebhookOperations(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Every endpoint with its attempts of the last 30 days: how many, how many succeeded
	 * (HTTP 2xx), and the last failure. Only the host of its URL is shown.
	 * @return the endpoints, by organisation
	 */
	List<EndpointHealth> endpoints() {
		Instant since = this.clock.instant().minus(java.time.Duration.ofDays(HEALTH_DAYS));
		Map<String, int[]> counts = new HashMap<>();
		Map<String, Stored.Attempt> lastFailure = new HashMap<>();
		for (Stored.Delivery delivery : this.mongo.find(attemptsSince(since), Stored.Delivery.class,
				Stored.DELIVERIES)) {
			for (Stored.Attempt attempt : delivery.log()) {
				if (attempt.at() == null || attempt.at().isBefore(since)) {
					continue;
				}
				int[] figures = counts.computeIfAbsent(delivery.endpointId(), (id) -> new int[2]);
				figures[0]++;
				if (attempt.succeeded()) {
					figures[1]++;
				}
				else {
					lastFailure.merge(delivery.endpointId(), attempt, (a, b) -> a.at().isAfter(b.at()) ? a : b);
				}
			}
		}
		List<EndpointHealth> health = new ArrayList<>();
		for (Stored.Endpoint endpoint : this.mongo.findAll(Stored.Endpoint.class, Stored.ENDPOINTS)) {
			int[] figures = counts.getOrDefault(endpoint.id(), new int[2]);
			Stored.Attempt failure = lastFailure.get(endpoint.id());
			Double rate = (figures[0] > 0) ? (double) figures[1] / figures[0] : null;
			health.add(new EndpointHealth(endpoint.ngoId(), endpoint.id(), host(endpoint.url()), rate, figures[0],
					(failure != null) ? failure.at() : null, (failure != null) ? failure.outcome() : null,
					!endpoint.enabled(), endpoint.disabledReason(), endpoint.failingSince()));
		}
		health.sort(Comparator.comparing(EndpointHealth::ngoId, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(EndpointHealth::endpointId));
		return health;
	}

	/**
	 * Webhook deliveries in a status, the latest first.
	 * @param status e.g. {@code FAILED}
	 * @param limit at most this many
	 * @return the deliveries
	 */
	List<NotificationOperations.WebhookView> deliveries(String status, int limit) {
		Query query = query(where("status").is(status)).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit);
		return this.mongo.find(query, Stored.Delivery.class, Stored.DELIVERIES)
			.stream()
			.map(NotificationOperations.WebhookView::of)
			.toList();
	}

	/**
	 * Attempts per Panama day over the last {@code days} days including today, with the
	 * 50th and 95th percentile of their latency (nearest rank); days without attempts
	 * have a count of zero and no percentiles.
	 * @param days how many days
	 * @return one entry per day, in order
	 */
	List<DayLatency> latency(int days) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), PANAMA);
		LocalDate first = today.minusDays(days - 1L);
		Instant since = first.atStartOfDay(PANAMA).toInstant();
		Map<LocalDate, List<Long>> latencies = new LinkedHashMap<>();
		for (int i = 0; i < days; i++) {
			latencies.put(first.plusDays(i), new ArrayList<>());
		}
		for (Stored.Delivery delivery : this.mongo.find(attemptsSince(since), Stored.Delivery.class,
				Stored.DELIVERIES)) {
			for (Stored.Attempt attempt : delivery.log()) {
				if (attempt.at() != null && !attempt.at().isBefore(since)) {
					List<Long> day = latencies.get(LocalDate.ofInstant(attempt.at(), PANAMA));
					if (day != null) {
						day.add(attempt.latencyMillis());
					}
				}
			}
		}
		List<DayLatency> result = new ArrayList<>();
		latencies.forEach((date, values) -> {
			values.sort(null);
			result.add(new DayLatency(date, values.size(), percentile(values, 50), percentile(values, 95)));
		});
		return result;
	}

	private static Query attemptsSince(Instant since) {
		Query query = query(where("log.at").gte(since));
		query.fields().include("endpointId", "log");
		return query;
	}

	static Long percentile(List<Long> sorted, int percent) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}

	/** The host only: paths and queries may carry an organisation's secrets. */
	static String host(String url) {
		try {
			return URI.create(url).getHost();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	record EndpointHealth(String ngoId, String endpointId, String endpointHost, Double successRate30d, int attempts30d,
			Instant lastFailureAt, String lastFailureReason, boolean disabled, String disabledReason,
			Instant failingSince) {

	}

	record DayLatency(LocalDate date, int count, Long p50Ms, Long p95Ms) {

	}

}
