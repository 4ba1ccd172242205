package org.plazo.notify.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.plazo.events.deadlines.DeadlineCancelled;
import org.plazo.events.deadlines.DeadlineEvent;
import org.plazo.events.deadlines.DeadlineMet;
import org.plazo.events.deadlines.DeadlineMissed;
import org.plazo.events.deadlines.DeadlineRescheduled;
import org.plazo.events.deadlines.DeadlineScheduled;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * Keeps each case's deadlines from the deadline stream: scheduled, rescheduled,
 * cancelled, met and missed. One case's events arrive in order on one partition, so
 * reading and saving its document is safe, and applying an event twice changes nothing.
 */
@Service
public class DeadlineProjection {

	private final MongoOperations mongo;

	private final Clock clock;

	public DeadlineProjection(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Applies a deadline event once: a copy delivered again later, even after newer
	 * events of the case, changes nothing (its id is kept for seven days).
	 * @param eventId the CloudEvents id
	 * @param event the event
	 */
	public void apply(String eventId, DeadlineEvent event) {
		CaseDeadlines current = load(event.caseId());
		if (current.hasApplied(eventId)) {
			return;
		}
		Instant now = this.clock.instant();
		this.mongo.save(applied(current, event).withApplied(eventId, now));
	}

	/**
	 * Applies a deadline event; reminders and silence alerts change no deadline.
	 * @param event the event
	 */
	public void apply(DeadlineEvent event) {
		CaseDeadlines current = load(event.caseId());
		CaseDeadlines changed = applied(current, event);
		if (changed != current) {
			this.mongo.save(changed);
		}
	}

	private CaseDeadlines applied(CaseDeadlines current, DeadlineEvent event) {
		Instant now = this.clock.instant();
		// Java 17: no pattern switch.
		if (event instanceof DeadlineScheduled scheduled) {
			return current.with(new TrackedDeadline(scheduled.deadlineId(), scheduled.kind(), scheduled.lastDay(),
					scheduled.dueAt(), TrackedDeadline.Status.OPEN), now);
		}
		if (event instanceof DeadlineRescheduled moved) {
			return current.with(new TrackedDeadline(moved.deadlineId(), moved.kind(), moved.lastDay(), moved.dueAt(),
					TrackedDeadline.Status.OPEN), now);
		}
		if (event instanceof DeadlineCancelled cancelled) {
			return mark(current, cancelled.deadlineId(), TrackedDeadline.Status.CANCELLED, now);
		}
		if (event instanceof DeadlineMet met) {
			return mark(current, met.deadlineId(), TrackedDeadline.Status.MET, now);
		}
		if (event instanceof DeadlineMissed missed) {
			return current.with(new TrackedDeadline(missed.deadlineId(), missed.kind(), missed.lastDay(),
					missed.dueAt(), TrackedDeadline.Status.MISSED), now);
		}
		return current;
	}

	/**
	 * The next open deadline among some cases (a phone may serve several).
	 * @param caseIds the cases
	 * @return the open deadline that closes first from now on
	 */
	public Optional<TrackedDeadline> next(Collection<String> caseIds) {
		Instant now = this.clock.instant();
		return caseIds.stream()
			.map(this::load)
			.flatMap((deadlines) -> deadlines.next(now).stream())
			.min(Comparator.comparing(TrackedDeadline::dueAt));
	}

	private static CaseDeadlines mark(CaseDeadlines deadlines, String deadlineId, TrackedDeadline.Status status,
			Instant now) {
		return deadlines.find(deadlineId)
			.map((deadline) -> deadlines.with(new TrackedDeadline(deadline.deadlineId(), deadline.kind(),
					deadline.lastDay(), deadline.dueAt(), status), now))
			.orElse(deadlines);
	}

	private CaseDeadlines load(String caseId) {
		CaseDeadlines found = this.mongo.findById(caseId, CaseDeadlines.class);
		return (found != null) ? found : CaseDeadlines.empty(caseId);
	}

}
