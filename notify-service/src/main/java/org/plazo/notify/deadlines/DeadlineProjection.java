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
	 * Applies a deadline event; reminders and silence alerts change no deadline.
	 * @param event the event
	 */
	public void apply(DeadlineEvent event) {
		// Java 17: no pattern switch.
		if (event instanceof DeadlineScheduled scheduled) {
			put(scheduled.caseId(), new TrackedDeadline(scheduled.deadlineId(), scheduled.kind(), scheduled.lastDay(),
					scheduled.dueAt(), TrackedDeadline.Status.OPEN));
		}
		else if (event instanceof DeadlineRescheduled moved) {
			put(moved.caseId(), new TrackedDeadline(moved.deadlineId(), moved.kind(), moved.lastDay(), moved.dueAt(),
					TrackedDeadline.Status.OPEN));
		}
		else if (event instanceof DeadlineCancelled cancelled) {
			mark(cancelled.caseId(), cancelled.deadlineId(), TrackedDeadline.Status.CANCELLED);
		}
		else if (event instanceof DeadlineMet met) {
			mark(met.caseId(), met.deadlineId(), TrackedDeadline.Status.MET);
		}
		else if (event instanceof DeadlineMissed missed) {
			put(missed.caseId(), new TrackedDeadline(missed.deadlineId(), missed.kind(), missed.lastDay(),
					missed.dueAt(), TrackedDeadline.Status.MISSED));
		}
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

	private void put(String caseId, TrackedDeadline deadline) {
		this.mongo.save(load(caseId).with(deadline, this.clock.instant()));
	}

	private void mark(String caseId, String deadlineId, TrackedDeadline.Status status) {
		CaseDeadlines deadlines = load(caseId);
		deadlines.find(deadlineId)
			.ifPresent((deadline) -> this.mongo.save(deadlines.with(new TrackedDeadline(deadline.deadlineId(),
					deadline.kind(), deadline.lastDay(), deadline.dueAt(), status), this.clock.instant())));
	}

	private CaseDeadlines load(String caseId) {
		CaseDeadlines found = this.mongo.findById(caseId, CaseDeadlines.class);
		return (found != null) ? found : CaseDeadlines.empty(caseId);
	}

}
