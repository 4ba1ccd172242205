package org.plazo.notify.deadlines;

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
 */
@Document("case_deadlines")
record CaseDeadlines(@Id String caseId, List<TrackedDeadline> deadlines, Instant updatedAt) {

	CaseDeadlines {
		deadlines = (deadlines != null) ? List.copyOf(deadlines) : List.of();
	}

	static CaseDeadlines empty(String caseId) {
		return new CaseDeadlines(caseId, List.of(), null);
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
		return new CaseDeadlines(this.caseId, changed, now);
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

}
