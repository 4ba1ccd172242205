package org.plazo.deadlines.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.plazo.deadlines.reminders.DeadlinePassed;
import org.plazo.deadlines.reminders.Reminder;
import org.plazo.deadlines.reminders.ReminderScheduling;
import org.plazo.deadlines.rules.CaseFacts;
import org.plazo.deadlines.rules.ComputedDeadline;
import org.plazo.deadlines.rules.DeadlineEngine;
import org.plazo.events.Envelope;
import org.plazo.events.cases.CaseEvent;
import org.plazo.events.cases.PersonErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Keeps each case's deadlines true to its facts, the calendar and the rules. Every path
 * ends the same way: compute, store reminders (idempotent), save deadlines with their
 * events in one document write, relay the events.
 */
@Service
public class DeadlineTracking {

	static final String FACTS_CHANGED = "FACTS_CHANGED";

	static final String CALENDAR_CHANGED = "CALENDAR_CHANGED";

	static final String DEADLINE_PASSED = "DEADLINE_PASSED";

	static final String BULK_EXTENSION = "BULK_EXTENSION";

	static final String RULES_CHANGED = "RULES_CHANGED";

	/**
	 * Ids of erased cases ({_id: caseId, erasedAt}), nothing else: a late or replayed
	 * event of an erased case must not bring its deadlines back.
	 */
	static final String ERASED_CASES = "erased_cases";

	private static final Logger log = LoggerFactory.getLogger(DeadlineTracking.class);

	private static final int MAX_ATTEMPTS = 5;

	private final CaseDeadlinesRepository repository;

	private final MongoTemplate mongo;

	private final DeadlineEngine engine;

	private final ReminderScheduling reminders;

	private final OutboxRelay relay;

	private final Clock clock;

	private final Duration catchUpDelay;

	private final Duration demoOffset;

	private final DeadlineMetrics metrics;

	DeadlineTracking(CaseDeadlinesRepository repository, MongoTemplate mongo, DeadlineEngine engine,
			ReminderScheduling reminders, OutboxRelay relay, Clock clock,
			@Value("${plazo.reminders.catch-up-delay:PT2M}") Duration catchUpDelay,
			@Value("${plazo.reminders.demo-offset:}") Duration demoOffset, DeadlineMetrics metrics) {
		this.repository = repository;
		this.mongo = mongo;
		this.engine = engine;
		this.reminders = reminders;
		this.relay = relay;
		this.clock = clock;
		this.catchUpDelay = catchUpDelay;
		this.demoOffset = demoOffset;
		this.metrics = metrics;
	}

	/** Applies a case event once; a redelivery changes nothing. */
	public void apply(Envelope<? extends CaseEvent> envelope) {
		CaseEvent event = envelope.data();
		if (event instanceof PersonErased) {
			erase(event.caseId());
			return;
		}
		update(event.caseId(), (doc) -> {
			// Only a case without a document can be an erased one: one look-up by _id.
			if (doc.facts() == null && wasErased(doc.caseId())) {
				return false;
			}
			ReminderChanges changes = applyInMemory(doc, envelope);
			if (changes == null) {
				return false;
			}
			this.reminders.cancel(changes.toCancel());
			this.reminders.schedule(changes.toSchedule());
			return true;
		});
	}

	/**
	 * Applies the case events of a poll, each once, as {@link #apply} would one by one,
	 * with a few round trips for all of them: the cases' documents are read in one query,
	 * each case's events applied in order in memory, the reminders of all of them written
	 * in one bulk operation, then the changed documents saved (new ones in one insert)
	 * and their events handed to the relay. A case with a {@link PersonErased} among its
	 * events takes the one-by-one path, in order. Throws on any failure, having written
	 * some or none of it: everything is safe to apply again (applied event ids, derived
	 * reminder ids), which a caller does one by one to find the event that fails.
	 * @param envelopes case events in the order of their records
	 */
	public void applyAll(List<Envelope<? extends CaseEvent>> envelopes) {
		Map<String, List<Envelope<? extends CaseEvent>>> byCase = new LinkedHashMap<>();
		for (Envelope<? extends CaseEvent> envelope : envelopes) {
			byCase.computeIfAbsent(envelope.data().caseId(), (id) -> new ArrayList<>()).add(envelope);
		}
		List<String> batched = new ArrayList<>();
		byCase.forEach((caseId, events) -> {
			if (events.stream().anyMatch((e) -> e.data() instanceof PersonErased)) {
				events.forEach(this::apply);
			}
			else {
				batched.add(caseId);
			}
		});
		if (batched.isEmpty()) {
			return;
		}
		Map<String, CaseDeadlines> stored = new HashMap<>();
		this.mongo.find(new Query(Criteria.where("_id").in(batched)), CaseDeadlines.class)
			.forEach((doc) -> stored.put(doc.caseId(), doc));
		Set<String> erased = erased(
				batched.stream().filter((id) -> !stored.containsKey(id) || stored.get(id).facts() == null).toList());
		ReminderBatch reminderBatch = new ReminderBatch();
		List<Changed> changed = new ArrayList<>();
		for (String caseId : batched) {
			if (erased.contains(caseId)) {
				continue;
			}
			boolean known = stored.containsKey(caseId);
			CaseDeadlines doc = known ? stored.get(caseId) : new CaseDeadlines(caseId);
			Set<String> pendingBefore = doc.outbox().stream().map(PendingEvent::id).collect(Collectors.toSet());
			boolean any = false;
			for (Envelope<? extends CaseEvent> envelope : byCase.get(caseId)) {
				ReminderChanges changes = applyInMemory(doc, envelope);
				if (changes != null) {
					reminderBatch.add(changes);
					any = true;
				}
			}
			if (any) {
				changed.add(new Changed(doc, pendingBefore, known));
			}
		}
		if (changed.isEmpty()) {
			return;
		}
		// Reminders first: their ids are derived, so redoing this after a crash is
		// harmless.
		this.reminders.cancel(reminderBatch.toCancel());
		this.reminders.schedule(reminderBatch.toSchedule());
		List<CaseDeadlines> fresh = changed.stream().filter((c) -> !c.known()).map(Changed::doc).toList();
		if (!fresh.isEmpty()) {
			this.mongo.insertAll(fresh);
		}
		for (Changed c : changed) {
			if (c.known()) {
				// One write each, checked against the version read.
				this.repository.save(c.doc());
			}
		}
		for (Changed c : changed) {
			this.metrics.recorded(c.doc().outbox(), c.pendingBefore());
			this.relay.relaySoon(c.doc().caseId(), c.doc().outbox());
		}
	}

	/**
	 * Applies one event to a case's document in memory.
	 * @return what the case's reminders need, or {@code null} when the event changes
	 * nothing (a redelivery, or no fact changed)
	 */
	private ReminderChanges applyInMemory(CaseDeadlines doc, Envelope<? extends CaseEvent> envelope) {
		CaseFacts facts = FactsFromEvents.apply(doc.facts(), envelope.data());
		// An event that changes no fact (an NGO assignment, a redelivery) changes
		// nothing.
		if (doc.hasApplied(envelope.id()) || facts.equals(doc.facts())) {
			return null;
		}
		doc.markApplied(envelope.id(), this.clock.instant());
		return recomputeInMemory(doc, facts, FACTS_CHANGED);
	}

	private Set<String> erased(List<String> caseIds) {
		if (caseIds.isEmpty()) {
			return Set.of();
		}
		// Straight to the driver: once per poll, for every new case of the batch.
		Set<String> erased = new HashSet<>();
		this.mongo.getCollection(ERASED_CASES)
			.find(Filters.in("_id", caseIds))
			.projection(Projections.include("_id"))
			.forEach((doc) -> erased.add(doc.getString("_id")));
		return erased;
	}

	/**
	 * Recomputes every case with a deadline ending on or after {@code from}, whatever its
	 * status: a bulk extension can revive a missed one. Scans: runs once per operator
	 * change, never per event.
	 */
	public int recomputeFrom(LocalDate from, String reason) {
		Query query = new Query(Criteria.where("deadlines").elemMatch(Criteria.where("lastDay").gte(from)));
		query.fields().include("_id");
		List<String> caseIds = this.mongo.find(query, CaseDeadlines.class).stream().map(CaseDeadlines::caseId).toList();
		for (String caseId : caseIds) {
			update(caseId, (doc) -> {
				recompute(doc, doc.facts(), reason);
				return true;
			});
		}
		log.info("{} from {}: {} cases recomputed", reason, from, caseIds.size());
		return caseIds.size();
	}

	/**
	 * Recomputes every case whose deadlines were computed by another version of the
	 * rules. Scans: runs once at start-up.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public int recomputeOutdatedRules() {
		Query query = new Query(
				Criteria.where("deadlines").elemMatch(Criteria.where("rulesVersion").ne(this.engine.rulesVersion())));
		query.fields().include("_id");
		List<String> caseIds = this.mongo.find(query, CaseDeadlines.class).stream().map(CaseDeadlines::caseId).toList();
		for (String caseId : caseIds) {
			update(caseId, (doc) -> {
				recompute(doc, doc.facts(), RULES_CHANGED);
				return true;
			});
		}
		if (!caseIds.isEmpty()) {
			log.info("Rules are now version {}: {} cases recomputed", this.engine.rulesVersion(), caseIds.size());
		}
		return caseIds.size();
	}

	/**
	 * A closing instant passed: recomputing marks the deadline missed and alerts the
	 * person.
	 */
	@EventListener
	void on(DeadlinePassed passed) {
		update(passed.caseId(), (doc) -> {
			if (doc.facts() == null) {
				// Erased (or never known): nothing to mark missed, nothing to store.
				return false;
			}
			recompute(doc, doc.facts(), DEADLINE_PASSED);
			return true;
		});
	}

	/**
	 * Deletes everything held about a case: its reminders first (so nothing more is
	 * sent), then its deadlines, facts and unpublished events; remembers only that the
	 * case id was erased. Idempotent; publishes nothing.
	 */
	public void erase(String caseId) {
		this.reminders.forget(caseId);
		this.repository.deleteById(caseId);
		this.mongo.save(new Document("_id", caseId).append("erasedAt", Date.from(this.clock.instant())), ERASED_CASES);
		log.info("Case {} erased: its deadlines and reminders are deleted", caseId);
	}

	private boolean wasErased(String caseId) {
		return this.mongo.findById(caseId, Document.class, ERASED_CASES) != null;
	}

	/**
	 * Everything tracking holds about a case: the facts and the deadlines with their
	 * working and reminders.
	 * @param caseId the case
	 * @return the case's data, empty when unknown or erased
	 */
	public Optional<CaseExport> export(String caseId) {
		return this.repository.findById(caseId)
			.map((doc) -> new CaseExport(caseId, doc.facts(), view(doc).deadlines()));
	}

	public Optional<CaseDeadlinesView> find(String caseId) {
		return this.repository.findById(caseId).map(this::view);
	}

	private CaseDeadlinesView view(CaseDeadlines doc) {
		List<String> ids = doc.deadlines()
			.stream()
			.flatMap((d) -> d.reminders().stream())
			.map(ScheduledReminder::reminderId)
			.toList();
		Map<String, Reminder> stored = new HashMap<>();
		this.reminders.find(ids).forEach((r) -> stored.put(r.id(), r));
		return CaseDeadlinesView.of(doc, stored);
	}

	private void recompute(CaseDeadlines doc, CaseFacts facts, String reason) {
		ReminderChanges changes = recomputeInMemory(doc, facts, reason);
		// Reminders before the case's document (saved by the caller): their ids are
		// derived, so redoing this after a crash is harmless.
		this.reminders.cancel(changes.toCancel());
		this.reminders.schedule(changes.toSchedule());
	}

	/**
	 * Recomputes a case's deadlines in its document (not saved) and says what its
	 * reminders need; writes nothing.
	 */
	private ReminderChanges recomputeInMemory(CaseDeadlines doc, CaseFacts facts, String reason) {
		if (facts == null) {
			return ReminderChanges.NONE;
		}
		Instant now = this.clock.instant();
		List<ComputedDeadline> computed = this.engine.compute(facts);
		List<Reminder> toSchedule = new ArrayList<>();
		List<String> toCancel = new ArrayList<>();
		Map<String, List<ScheduledReminder>> tracked = new HashMap<>();
		for (ComputedDeadline deadline : computed) {
			ReminderPlan plan = ReminderPlan.of(doc.caseId(), deadline, doc.deadline(deadline.deadlineId()), now,
					this.catchUpDelay, this.demoOffset);
			toSchedule.addAll(plan.toSchedule());
			toCancel.addAll(plan.toCancel());
			tracked.put(deadline.deadlineId(), plan.tracked());
		}
		for (TrackedDeadline gone : doc.deadlines()) {
			if (computed.stream().noneMatch((c) -> c.deadlineId().equals(gone.deadlineId()))) {
				gone.reminders()
					.stream()
					.filter((r) -> r.fireAt().isAfter(now))
					.forEach((r) -> toCancel.add(r.reminderId()));
			}
		}
		doc.recompute(facts, computed, tracked, reason, now);
		return new ReminderChanges(toCancel, toSchedule);
	}

	/** What a recomputation asks of a case's reminders. */
	private record ReminderChanges(List<String> toCancel, List<Reminder> toSchedule) {

		static final ReminderChanges NONE = new ReminderChanges(List.of(), List.of());

	}

	/** A case's document changed by a batch, and whether it was stored before. */
	private record Changed(CaseDeadlines doc, Set<String> pendingBefore, boolean known) {
	}

	/**
	 * The reminder changes of several recomputations as one: for each reminder the last
	 * word (schedule or cancel) counts, and a reminder scheduled more than once keeps its
	 * first version, as the one-by-one writes would (an upsert inserts only once).
	 */
	private static final class ReminderBatch {

		private final Map<String, Reminder> firstVersion = new HashMap<>();

		private final Map<String, Boolean> wanted = new LinkedHashMap<>();

		void add(ReminderChanges changes) {
			changes.toCancel().forEach((id) -> this.wanted.put(id, false));
			for (Reminder reminder : changes.toSchedule()) {
				this.firstVersion.putIfAbsent(reminder.id(), reminder);
				this.wanted.put(reminder.id(), true);
			}
		}

		List<String> toCancel() {
			return this.wanted.entrySet().stream().filter((e) -> !e.getValue()).map(Map.Entry::getKey).toList();
		}

		List<Reminder> toSchedule() {
			return this.wanted.entrySet()
				.stream()
				.filter(Map.Entry::getValue)
				.map((e) -> this.firstVersion.get(e.getKey()))
				.toList();
		}

	}

	/** Loads, changes and saves a case's document, retrying when another writer won. */
	private void update(String caseId, Function<CaseDeadlines, Boolean> change) {
		for (int attempt = 1;; attempt++) {
			CaseDeadlines doc = this.repository.findById(caseId).orElseGet(() -> new CaseDeadlines(caseId));
			Set<String> pendingBefore = doc.outbox().stream().map(PendingEvent::id).collect(Collectors.toSet());
			if (!change.apply(doc)) {
				return;
			}
			try {
				CaseDeadlines saved = this.repository.save(doc);
				this.metrics.recorded(saved.outbox(), pendingBefore);
				this.relay.relaySoon(saved.caseId(), saved.outbox());
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
