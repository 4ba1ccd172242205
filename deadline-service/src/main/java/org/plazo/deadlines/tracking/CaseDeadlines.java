package org.plazo.deadlines.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.plazo.deadlines.rules.CaseFacts;
import org.plazo.deadlines.rules.ComputedDeadline;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.deadlines.DeadlineCancelled;
import org.plazo.events.deadlines.DeadlineEvent;
import org.plazo.events.deadlines.DeadlineMet;
import org.plazo.events.deadlines.DeadlineMissed;
import org.plazo.events.deadlines.DeadlineRescheduled;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.deadlines.SilenceAlert;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The deadlines of one case, the facts they were computed from, and the events their
 * changes caused, all in one document so that one write records state and events
 * together.
 */
@Document("case_deadlines")
class CaseDeadlines {

	/**
	 * How long an applied event's id is kept to recognise its redelivery: longer than any
	 * redelivery Kafka makes (a consumer's restart, a rebalance, the outbox relay
	 * publishing again after a crash) and than the topics' retention.
	 */
	static final Duration APPLIED_EVENTS_RETENTION = Duration.ofDays(7);

	/**
	 * A backstop on the document's size: a case with more events than this within the
	 * retention forgets the oldest first. No real case comes near it.
	 */
	static final int APPLIED_EVENTS_MAX = 5_000;

	private static final EventCodec codec = new EventCodec();

	@Id
	private final String caseId;

	@Version
	private Long version;

	private CaseFacts facts;

	private List<TrackedDeadline> deadlines;

	private List<AppliedEvent> appliedEvents;

	/** Ids kept by earlier versions, without times; moved to {@link #appliedEvents}. */
	private List<String> appliedEventIds;

	private List<PendingEvent> outbox;

	CaseDeadlines(String caseId) {
		this(caseId, null, null, new ArrayList<>(), new ArrayList<>(), null, new ArrayList<>());
	}

	@PersistenceCreator
	CaseDeadlines(String caseId, Long version, CaseFacts facts, List<TrackedDeadline> deadlines,
			List<AppliedEvent> appliedEvents, List<String> appliedEventIds, List<PendingEvent> outbox) {
		this.caseId = caseId;
		this.version = version;
		this.facts = facts;
		this.deadlines = (deadlines != null) ? new ArrayList<>(deadlines) : new ArrayList<>();
		this.appliedEvents = (appliedEvents != null) ? new ArrayList<>(appliedEvents) : new ArrayList<>();
		if (appliedEventIds != null) {
			// Their time is unknown: kept for a full retention from the next write on.
			appliedEventIds.forEach((id) -> this.appliedEvents.add(new AppliedEvent(id, null)));
		}
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
	}

	String caseId() {
		return this.caseId;
	}

	CaseFacts facts() {
		return this.facts;
	}

	List<TrackedDeadline> deadlines() {
		return List.copyOf(this.deadlines);
	}

	List<PendingEvent> outbox() {
		return List.copyOf(this.outbox);
	}

	boolean hasApplied(String eventId) {
		return this.appliedEvents.stream().anyMatch((applied) -> applied.id().equals(eventId));
	}

	/**
	 * Remembers an applied event for {@link #APPLIED_EVENTS_RETENTION}, and forgets those
	 * applied longer ago.
	 */
	void markApplied(String eventId, Instant now) {
		Instant oldest = now.minus(APPLIED_EVENTS_RETENTION);
		List<AppliedEvent> kept = new ArrayList<>();
		for (AppliedEvent applied : this.appliedEvents) {
			if (applied.appliedAt() == null) {
				kept.add(new AppliedEvent(applied.id(), now));
			}
			else if (!applied.appliedAt().isBefore(oldest)) {
				kept.add(applied);
			}
		}
		kept.add(new AppliedEvent(eventId, now));
		this.appliedEvents = new ArrayList<>(kept.subList(Math.max(0, kept.size() - APPLIED_EVENTS_MAX), kept.size()));
		this.appliedEventIds = null;
	}

	TrackedDeadline deadline(String deadlineId) {
		return this.deadlines.stream().filter((d) -> d.deadlineId().equals(deadlineId)).findFirst().orElse(null);
	}

	/**
	 * Replaces the deadlines with a new computation and records what changed.
	 * @param newFacts the facts they were computed from
	 * @param computed the engine's output
	 * @param reminders the reminders now scheduled, by deadline id
	 * @param reason why they were recomputed, e.g. FACTS_CHANGED
	 * @param now the current instant
	 */
	void recompute(CaseFacts newFacts, List<ComputedDeadline> computed, Map<String, List<ScheduledReminder>> reminders,
			String reason, Instant now) {
		this.facts = newFacts;
		Map<String, TrackedDeadline> previous = new LinkedHashMap<>();
		this.deadlines.forEach((d) -> previous.put(d.deadlineId(), d));
		List<TrackedDeadline> next = new ArrayList<>();
		for (ComputedDeadline c : computed) {
			TrackedDeadline before = previous.remove(c.deadlineId());
			String status = statusOf(c, now);
			TrackedDeadline after = TrackedDeadline.of(c, status, reminders.getOrDefault(c.deadlineId(), List.of()));
			next.add(after);
			recordChange(before, after, reason, now);
		}
		for (TrackedDeadline gone : previous.values()) {
			if (gone.isOpen()) {
				TrackedDeadline cancelled = gone.withStatus(TrackedDeadline.CANCELLED);
				next.add(cancelled);
				record(new DeadlineCancelled(this.caseId, gone.deadlineId(), gone.kind(), "NO_LONGER_APPLIES"), now);
			}
			else {
				next.add(gone);
			}
		}
		this.deadlines = next;
	}

	/** Forgets events the relay has on Kafka. */
	void published(List<String> eventIds) {
		this.outbox.removeIf((event) -> eventIds.contains(event.id()));
	}

	private static String statusOf(ComputedDeadline computed, Instant now) {
		// The engine knows no "now": an open deadline whose term has closed is missed.
		if (TrackedDeadline.OPEN.equals(computed.status()) && !computed.dueAt().isAfter(now)) {
			return TrackedDeadline.MISSED;
		}
		return computed.status();
	}

	private void recordChange(TrackedDeadline before, TrackedDeadline after, String reason, Instant now) {
		if (TrackedDeadline.SILENCE.equals(after.kind()) && after.alert() && (before == null || !before.alert())) {
			record(new SilenceAlert(this.caseId, after.deadlineId(), null, after.lastDay().plusDays(1),
					after.legalBasis()), now);
		}
		if (before == null) {
			switch (after.status()) {
				case TrackedDeadline.MET -> record(new DeadlineMet(this.caseId, after.deadlineId(), after.kind()), now);
				case TrackedDeadline.MISSED -> record(new DeadlineMissed(this.caseId, after.deadlineId(), after.kind(),
						after.lastDay(), after.dueAt(), after.legalBasis()), now);
				case TrackedDeadline.CANCELLED -> {
				}
				default -> record(new DeadlineScheduled(this.caseId, after.deadlineId(), after.kind(), after.lastDay(),
						after.dueAt(), after.ruleId(), after.rulesVersion(), after.legalBasis()), now);
			}
			return;
		}
		if (!before.status().equals(after.status())) {
			switch (after.status()) {
				case TrackedDeadline.MET -> record(new DeadlineMet(this.caseId, after.deadlineId(), after.kind()), now);
				case TrackedDeadline.MISSED -> record(new DeadlineMissed(this.caseId, after.deadlineId(), after.kind(),
						after.lastDay(), after.dueAt(), after.legalBasis()), now);
				case TrackedDeadline.CANCELLED ->
					record(new DeadlineCancelled(this.caseId, after.deadlineId(), after.kind(), reason), now);
				default -> record(new DeadlineScheduled(this.caseId, after.deadlineId(), after.kind(), after.lastDay(),
						after.dueAt(), after.ruleId(), after.rulesVersion(), after.legalBasis()), now);
			}
		}
		else if (after.movedFrom(before)) {
			record(new DeadlineRescheduled(this.caseId, after.deadlineId(), after.kind(), before.lastDay(),
					after.lastDay(), before.dueAt(), after.dueAt(), reason, after.legalBasis()), now);
		}
	}

	private void record(DeadlineEvent event, Instant now) {
		String json = new String(codec.toJson(event), StandardCharsets.UTF_8);
		this.outbox.add(new PendingEvent(UUID.randomUUID().toString(), now, EventCatalog.of(event).name(), json));
	}

}
