package org.plazo.cases.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.plazo.cases.outbox.OutboxRelay;
import org.plazo.cases.outbox.RecordedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Opens cases and records what happens to them. Each change is one document write holding
 * the case and its new events; the relay then publishes them.
 */
@Service
class CaseManagement {

	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private static final Logger log = LoggerFactory.getLogger(CaseManagement.class);

	private final Cases cases;

	private final OutboxRelay relay;

	private final Clock clock;

	CaseManagement(Cases cases, OutboxRelay relay, Clock clock) {
		this.cases = cases;
		this.relay = relay;
		this.clock = clock;
	}

	/**
	 * @throws InvalidRequestException naming every bad field; nothing is stored then
	 */
	Case open(OpenCase request) {
		Checks checks = new Checks(today());
		request.check(checks);
		checks.throwIfAny();
		Case opened = Case.open(UUID.randomUUID().toString(), request.toApplicant(), request.arrivalDate(),
				request.toHousehold(), now());
		this.cases.save(opened);
		this.relay.publishSoon(opened.id());
		log.info("Opened case {}", opened.id());
		return opened;
	}

	/**
	 * Records a fact of the case's procedure and the event it causes.
	 * @throws NotFoundException when there is no such case
	 * @throws InvalidRequestException naming every bad field; nothing is stored then
	 */
	RecordedEvent record(String caseId, CaseFact fact) {
		Case aCase = this.cases.findById(caseId).orElseThrow(NotFoundException::noCase);
		Checks checks = new Checks(today());
		fact.check(checks, aCase);
		checks.throwIfAny();
		RecordedEvent recorded = aCase.record(fact.toEvent(caseId), now());
		this.cases.append(aCase, recorded);
		this.relay.publishSoon(caseId);
		log.info("Recorded {} on case {}", recorded.type(), caseId);
		return recorded;
	}

	Optional<Case> find(String id) {
		return this.cases.findById(id);
	}

	// MongoDB keeps milliseconds; cut here so the stored case and its events agree.
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), PANAMA);
	}

}
