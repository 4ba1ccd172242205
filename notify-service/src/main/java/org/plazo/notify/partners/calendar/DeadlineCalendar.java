package org.plazo.notify.partners.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.plazo.events.deadlines.DeadlineCancelled;
import org.plazo.events.deadlines.DeadlineEvent;
import org.plazo.events.deadlines.DeadlineMet;
import org.plazo.events.deadlines.DeadlineMissed;
import org.plazo.events.deadlines.DeadlineRescheduled;
import org.plazo.events.deadlines.DeadlineScheduled;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Each case's deadlines as calendars show them, kept from the deadline stream for every
 * case (a link made later shows the deadlines computed before it). One document per case,
 * read and saved by {@code _id}; one case's events arrive in order on one partition, and
 * applying an event twice changes nothing.
 */
@Service
public class DeadlineCalendar {

	static final String OPEN = "OPEN";

	private final MongoOperations mongo;

	private final Clock clock;

	public DeadlineCalendar(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Applies a deadline event; reminders and silence alerts move no deadline. */
	public void apply(DeadlineEvent event) {
		Instant now = this.clock.instant();
		// Java 17: no pattern switch.
		if (event instanceof DeadlineScheduled scheduled) {
			put(scheduled.caseId(), scheduled.deadlineId(), scheduled.kind(), scheduled.lastDay(), scheduled.dueAt(),
					scheduled.legalBasis(), OPEN, now);
		}
		else if (event instanceof DeadlineRescheduled moved) {
			put(moved.caseId(), moved.deadlineId(), moved.kind(), moved.lastDay(), moved.dueAt(), moved.legalBasis(),
					OPEN, now);
		}
		else if (event instanceof DeadlineMissed missed) {
			put(missed.caseId(), missed.deadlineId(), missed.kind(), missed.lastDay(), missed.dueAt(),
					missed.legalBasis(), "MISSED", now);
		}
		else if (event instanceof DeadlineMet met) {
			mark(met.caseId(), met.deadlineId(), "MET", now);
		}
		else if (event instanceof DeadlineCancelled cancelled) {
			mark(cancelled.caseId(), cancelled.deadlineId(), "CANCELLED", now);
		}
	}

	/** Forgets a case's calendar entries (its person was erased). */
	public void forget(String caseId) {
		this.mongo.remove(query(where("_id").is(caseId)), CaseCalendar.class);
	}

	/** The deadlines of some cases, read by {@code _id}. */
	List<CaseCalendar> of(Collection<String> caseIds) {
		return caseIds.isEmpty() ? List.of() : this.mongo.find(query(where("_id").in(caseIds)), CaseCalendar.class);
	}

	private void put(String caseId, String deadlineId, String kind, LocalDate lastDay, Instant dueAt, String legalBasis,
			String status, Instant now) {
		CaseCalendar calendar = load(caseId);
		Optional<CalendarDeadline> known = calendar.find(deadlineId);
		CalendarDeadline changed = known.map((d) -> d.with(lastDay, dueAt, legalBasis, status, now))
			.orElseGet(() -> new CalendarDeadline(deadlineId, kind, lastDay, dueAt, legalBasis, status, 0, now));
		if (known.isEmpty() || changed != known.get()) {
			this.mongo.save(calendar.with(changed));
		}
	}

	private void mark(String caseId, String deadlineId, String status, Instant now) {
		CaseCalendar calendar = load(caseId);
		calendar.find(deadlineId).ifPresent((deadline) -> {
			CalendarDeadline changed = deadline.with(deadline.lastDay(), deadline.dueAt(), null, status, now);
			if (changed != deadline) {
				this.mongo.save(calendar.with(changed));
			}
		});
	}

	private CaseCalendar load(String caseId) {
		CaseCalendar found = this.mongo.findById(caseId, CaseCalendar.class);
		return (found != null) ? found : new CaseCalendar(caseId, List.of());
	}

	/**
	 * The deadlines of one case.
	 */
	@Document("partner_calendar_deadlines")
	record CaseCalendar(@Id String caseId, List<CalendarDeadline> deadlines) {

		CaseCalendar {
			deadlines = (deadlines != null) ? List.copyOf(deadlines) : List.of();
		}

		Optional<CalendarDeadline> find(String deadlineId) {
			return this.deadlines.stream().filter((d) -> d.deadlineId().equals(deadlineId)).findFirst();
		}

		CaseCalendar with(CalendarDeadline deadline) {
			List<CalendarDeadline> changed = new ArrayList<>(this.deadlines);
			changed.removeIf((d) -> d.deadlineId().equals(deadline.deadlineId()));
			changed.add(deadline);
			return new CaseCalendar(this.caseId, changed);
		}

	}

}
