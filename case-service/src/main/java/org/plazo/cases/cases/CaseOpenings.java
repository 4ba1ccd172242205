package org.plazo.cases.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.plazo.cases.observability.CaseMetrics;
import org.plazo.cases.outbox.OutboxRelay;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Opens cases that arrive with the history of their procedure, as a caseload moved from
 * another system does: checked by exactly the rules of {@code POST /api/v1/cases} and
 * {@code POST /api/v1/cases/{id}/events}, and stored, case and every event, in one
 * insert.
 */
@Service
public class CaseOpenings {

	private final MongoOperations mongo;

	private final OutboxRelay relay;

	private final CaseMetrics metrics;

	private final Clock clock;

	private final String noticeVersion;

	CaseOpenings(MongoOperations mongo, OutboxRelay relay, CaseMetrics metrics, Clock clock,
			@Value("${plazo.privacy.consent-notice-version:2026-11}") String noticeVersion) {
		this.mongo = mongo;
		this.relay = relay;
		this.metrics = metrics;
		this.clock = clock;
		this.noticeVersion = noticeVersion;
	}

	/**
	 * Every problem of a case and its history, by the API's rules. The problems of the
	 * request are named as the API names them ({@code applicant.phone}); those of the
	 * i-th fact of the history {@code history[i].} and the fact's field
	 * ({@code history[0].filedOn}).
	 * @return empty when the case can be opened with that history
	 */
	public List<FieldProblem> check(OpenCase request, List<CaseFact> history) {
		request = request.withNoticeVersionIfMissing(this.noticeVersion);
		Checks checks = new Checks(today());
		request.check(checks);
		List<FieldProblem> problems = new ArrayList<>(checks.problems());
		// The facts are checked against the case as it would be; a bad arrival date is
		// reported above, and the earliest possible one bounds the facts meanwhile.
		LocalDate arrival = (request.arrivalDate() != null) ? request.arrivalDate() : Checks.EARLIEST;
		List<HouseholdMember> household = problems.isEmpty() ? request.toHousehold() : List.of();
		Case draft = new Case("draft", null, arrival, household, now(), null, null, null, null, null, null);
		for (int i = 0; i < history.size(); i++) {
			Checks factChecks = new Checks(checks.today());
			history.get(i).check(factChecks, draft);
			String prefix = "history[" + i + "].";
			factChecks.problems()
				.forEach((problem) -> problems.add(new FieldProblem(prefix + problem.field(), problem.detail())));
			if (factChecks.problems().isEmpty()) {
				draft.record(history.get(i).toEvent(draft.id()), now());
			}
		}
		return problems;
	}

	/**
	 * Opens the case with the given id and records its history in order, in one insert:
	 * either all of it is stored or none. Idempotent: a case with that id stored already
	 * is left as it is, so a repeated call stores and publishes nothing new.
	 * @return whether this call stored it (false: it was stored already)
	 * @throws InvalidRequestException naming every bad field; nothing is stored then
	 */
	public boolean open(String caseId, OpenCase request, List<CaseFact> history) {
		List<FieldProblem> problems = check(request, history);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		Instant now = now();
		request = request.withNoticeVersionIfMissing(this.noticeVersion);
		Case opened = Case.open(caseId, request.toApplicant(), request.toConsent(now, ContactConsent.IMPORT),
				request.arrivalDate(), request.toHousehold(), now);
		List<String> recorded = new ArrayList<>();
		history.forEach((fact) -> recorded.add(opened.record(fact.toEvent(caseId), now).type()));
		try {
			// An insert, never an upsert: a second one must not replace the events. An
			// erased case's tombstone keeps its id: checked first, so that no key is
			// made.
			if (this.mongo.exists(Query.query(Criteria.where("_id").is(caseId)), Case.class)) {
				throw new DuplicateKeyException("stored already");
			}
			this.mongo.insert(opened);
		}
		catch (DuplicateKeyException ex) {
			// Its pending events, if any, are the sweep's (or this nudge's) to publish.
			this.relay.publishSoon(caseId);
			return false;
		}
		this.metrics.caseOpened();
		recorded.forEach(this.metrics::eventRecorded);
		this.relay.publishSoon(caseId);
		return true;
	}

	// MongoDB keeps milliseconds; cut here so the stored case and its events agree.
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), CaseManagement.PANAMA);
	}

}
