package org.plazo.deadlines.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.plazo.deadlines.rules.CaseFacts;
import org.plazo.deadlines.rules.DeadlineKind;
import org.plazo.deadlines.tracking.CaseDeadlinesView.DeadlineView;
import org.plazo.deadlines.tracking.CaseExport;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * The operator's questions, answered from the stored case deadlines and reminders. Each
 * question is one query per request (they scan on the MongoDB stand-in: fine for an
 * operator's page, never on the reminder path). Reads the documents as stored, so the
 * tracking and reminder features stay free to change their types.
 */
@Service
class DeadlineOperations {

	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	static final String CASE_DEADLINES = "case_deadlines";

	static final String REMINDERS = "reminders";

	private final MongoOperations mongo;

	private final Clock clock;

	DeadlineOperations(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Open deadlines closing between now and {@code now + within}, the soonest first.
	 * @param within how far ahead to look
	 * @return the deadlines
	 */
	List<UpcomingDeadline> upcoming(Duration within) {
		Instant now = this.clock.instant();
		Instant until = now.plus(within);
		Bson filter = Filters.elemMatch("deadlines", Filters.and(Filters.eq("status", "OPEN"),
				Filters.gte("dueAt", Date.from(now)), Filters.lte("dueAt", Date.from(until))));
		List<UpcomingDeadline> upcoming = new ArrayList<>();
		for (Document found : this.mongo.getCollection(CASE_DEADLINES)
			.find(filter)
			.projection(Projections.include("deadlines"))) {
			for (Document deadline : deadlines(found)) {
				Instant dueAt = instant(deadline.get("dueAt"));
				if ("OPEN".equals(deadline.getString("status")) && dueAt != null && !dueAt.isBefore(now)
						&& !dueAt.isAfter(until)) {
					String kind = deadline.getString("kind");
					upcoming.add(new UpcomingDeadline(found.getString("_id"), deadline.getString("deadlineId"), kind,
							date(deadline.get("lastDay")), dueAt, Duration.between(now, dueAt).toSeconds(), "OPEN",
							deadline.getString("legalBasis"), critical(kind)));
				}
			}
		}
		upcoming.sort(Comparator.comparing(UpcomingDeadline::dueAt).thenComparing(UpcomingDeadline::caseId));
		return upcoming;
	}

	/**
	 * Deadlines of a kind whose term closed with nothing filed: missed, or still open
	 * past their closing instant (the expiry check has not run yet). The latest first.
	 * @param kind the kind, e.g. {@code FILING_WINDOW}
	 * @return the deadlines
	 */
	List<MissedDeadline> missed(DeadlineKind kind) {
		Instant now = this.clock.instant();
		Bson filter = Filters.elemMatch("deadlines",
				Filters.and(Filters.eq("kind", kind.name()), Filters.or(Filters.eq("status", "MISSED"),
						Filters.and(Filters.eq("status", "OPEN"), Filters.lt("dueAt", Date.from(now))))));
		List<MissedDeadline> missed = new ArrayList<>();
		for (Document found : this.mongo.getCollection(CASE_DEADLINES)
			.find(filter)
			.projection(Projections.include("deadlines"))) {
			for (Document deadline : deadlines(found)) {
				String status = deadline.getString("status");
				Instant dueAt = instant(deadline.get("dueAt"));
				boolean passed = "MISSED".equals(status)
						|| ("OPEN".equals(status) && dueAt != null && dueAt.isBefore(now));
				if (kind.name().equals(deadline.getString("kind")) && passed) {
					missed.add(new MissedDeadline(found.getString("_id"), deadline.getString("deadlineId"), kind.name(),
							date(deadline.get("lastDay")), status));
				}
			}
		}
		missed.sort(Comparator.comparing(MissedDeadline::dueDate, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(MissedDeadline::caseId));
		return missed;
	}

	/**
	 * The reminders of one case, the earliest first.
	 * @param caseId the case
	 * @return its reminders, empty when it has none
	 */
	List<CaseReminder> reminders(String caseId) {
		List<CaseReminder> reminders = new ArrayList<>();
		for (Document reminder : this.mongo.getCollection(REMINDERS)
			.find(Filters.eq("caseId", caseId))
			.projection(Projections.include("deadlineId", "kind", "purpose", "fireAt", "status"))) {
			reminders.add(new CaseReminder(reminder.getString("_id"), reminder.getString("deadlineId"),
					reminder.getString("kind"), reminder.getString("purpose"), instant(reminder.get("fireAt")),
					reminder.getString("status")));
		}
		reminders.sort(Comparator.comparing(CaseReminder::fireAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(CaseReminder::reminderId));
		return reminders;
	}

	/**
	 * A case's export: what tracking holds, and every reminder stored for it, including
	 * those of deadlines that no longer apply.
	 * @param tracked what deadline tracking holds
	 * @return the whole export
	 */
	CaseDataExport export(CaseExport tracked) {
		return new CaseDataExport("deadline-service", tracked.caseId(), this.clock.instant(), tracked.facts(),
				tracked.deadlines(), reminders(tracked.caseId()));
	}

	/**
	 * How many reminders to people fall on each Panama day from today, for {@code days}
	 * days, zeros included. Cancelled reminders and expiry checks do not count.
	 * @param days how many days, from today
	 * @return one entry per day, in order
	 */
	List<DayCount> duePerDay(int days) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), PANAMA);
		Map<LocalDate, Integer> counts = new LinkedHashMap<>();
		for (int i = 0; i < days; i++) {
			counts.put(today.plusDays(i), 0);
		}
		Instant from = today.atStartOfDay(PANAMA).toInstant();
		Instant until = today.plusDays(days).atStartOfDay(PANAMA).toInstant();
		Bson filter = Filters.and(Filters.gte("fireAt", Date.from(from)), Filters.lt("fireAt", Date.from(until)),
				Filters.eq("purpose", "REMIND"), Filters.ne("status", "CANCELLED"));
		for (Document reminder : this.mongo.getCollection(REMINDERS)
			.find(filter)
			.projection(Projections.include("fireAt"))) {
			Instant fireAt = instant(reminder.get("fireAt"));
			if (fireAt != null) {
				counts.computeIfPresent(LocalDate.ofInstant(fireAt, PANAMA), (day, count) -> count + 1);
			}
		}
		return counts.entrySet().stream().map((entry) -> new DayCount(entry.getKey(), entry.getValue())).toList();
	}

	private static boolean critical(String kind) {
		for (DeadlineKind known : DeadlineKind.values()) {
			if (known.name().equals(kind)) {
				return known.fiveBusinessDayTerm();
			}
		}
		return false;
	}

	private static List<Document> deadlines(Document caseDeadlines) {
		List<Document> deadlines = caseDeadlines.getList("deadlines", Document.class);
		return (deadlines != null) ? deadlines : List.of();
	}

	private static Instant instant(Object stored) {
		return (stored instanceof Date date) ? date.toInstant() : null;
	}

	/** Legal dates are stored as midnight UTC (the driver's java.time codecs). */
	private static LocalDate date(Object stored) {
		return (stored instanceof Date date) ? LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC) : null;
	}

	record UpcomingDeadline(String caseId, String deadlineId, String kind, LocalDate dueDate, Instant dueAt,
			long timeLeftSeconds, String status, String legalBasis, boolean critical) {

	}

	record MissedDeadline(String caseId, String deadlineId, String kind, LocalDate dueDate, String status) {

	}

	record CaseReminder(String reminderId, String deadlineId, String kind, String purpose, Instant fireAt,
			String status) {

	}

	record DayCount(LocalDate date, int count) {

	}

	record CaseDataExport(String service, String caseId, Instant exportedAt, CaseFacts facts,
			List<DeadlineView> deadlines, List<CaseReminder> reminders) {

	}

}
