package org.plazo.notify.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The deadlines of one case, in one document keyed by the case id, so that reading or
 * updating them is one lookup by {@code _id}.
 *
 * @param caseId the case
 * @param deadlines its deadlines
 * @param updatedAt when it last changed
 * @param appliedEvents the deadline events applied within
 * {@link #APPLIED_EVENTS_RETENTION}, so that a late copy of an older event cannot undo a
 * newer one
 */
@Document("case_deadlines")
record CaseDeadlines(@Id String caseId, List<TrackedDeadline> deadlines, Instant updatedAt,
		List<AppliedEvent> appliedEvents) {

	/** How long an applied event's id is kept: longer than any redelivery Kafka makes. */
	static final Duration APPLIED_EVENTS_RETENTION = Duration.ofDays(7);

	/** A backstop on the document's size; no real case comes near it. */
	static final int APPLIED_EVENTS_MAX = 5_000;

	CaseDeadlines {
		deadlines = (deadlines != null) ? List.copyOf(deadlines) : List.of();
		appliedEvents = (appliedEvents != null) ? List.copyOf(appliedEvents) : List.of();
	}

	static CaseDeadlines empty(String caseId) {
		return new CaseDeadlines(caseId, List.of(), null, List.of());
	}

	boolean hasApplied(String eventId) {
		return this.appliedEvents.stream().anyMatch((applied) -> applied.id().equals(eventId));
	}

	/** This case, remembering one more applied event and forgetting the expired. */
	CaseDeadlines withApplied(String eventId, Instant now) {
		Instant oldest = now.minus(APPLIED_EVENTS_RETENTION);
		List<AppliedEvent> kept = new ArrayList<>();
		this.appliedEvents.stream().filter((applied) -> !applied.appliedAt().isBefore(oldest)).forEach(kept::add);
		kept.add(new AppliedEvent(eventId, now));
		return new CaseDeadlines(this.caseId, this.deadlines, this.updatedAt,
				kept.subList(Math.max(0, kept.size() - APPLIED_EVENTS_MAX), kept.size()));
	}

	/**
	 * This case with one deadline replaced or added. Applying the same event twice gives
	 * the same document.
	 */
	CaseDeadlines with(TrackedDeadline deadline, Instant now) {
		List<TrackedDeadline> changed = new ArrayList<>(this.deadlines);
		changed.removeIf((existing) -> existing.deadlineId().equals(deadline.deadlineId()));
		changed.add(deadline);
		changed.sort(Comparator.comparing(TrackedDeadline::dueAt));
		return new CaseDeadlines(this.caseId, changed, now, this.appliedEvents);
	}

	Optional<TrackedDeadline> find(String deadlineId) {
		return this.deadlines.stream().filter((deadline) -> deadline.deadlineId().equals(deadlineId)).findFirst();
	}

	/**
	 * The open deadline that closes first after {@code now}.
	 */
	Optional<TrackedDeadline> next(Instant now) {
		return this.deadlines.stream()
			.filter((deadline) -> deadline.status() == TrackedDeadline.Status.OPEN && deadline.dueAt().isAfter(now))
			.min(Comparator.comparing(TrackedDeadline::dueAt));
	}

	/**
	 * A deadline event applied to this projection.
	 *
	 * @param id its CloudEvents id
	 * @param appliedAt when
	 */
	record AppliedEvent(String id, Instant appliedAt) {

	}

}
