package org.plazo.cases.cases;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;

import org.plazo.events.cases.ContactChannel;

import org.plazo.events.notifications.SelfRegistrationConfirmed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.plazo.cases.observability.CaseMetrics;
import org.plazo.cases.outbox.OutboxRelay;
import org.plazo.cases.outbox.RecordedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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

	private final CaseMetrics metrics;

	private final String noticeVersion;

	CaseManagement(Cases cases, OutboxRelay relay, Clock clock, CaseMetrics metrics,
			@Value("${plazo.privacy.consent-notice-version:2026-11}") String noticeVersion) {
		this.cases = cases;
		this.relay = relay;
		this.clock = clock;
		this.metrics = metrics;
		this.noticeVersion = noticeVersion;
	}

	/**
	 * Opens a case held by {@code caseworker} (null: nobody yet).
	 * @param actor who records it, the consent's "through whom": the token's subject
	 * @throws InvalidRequestException naming every bad field; nothing is stored then
	 */
	Case open(OpenCase request, String actor, String caseworker) {
		Checks checks = new Checks(today());
		request.check(checks);
		checks.throwIfAny();
		Case opened = Case.open(UUID.randomUUID().toString(), request.toApplicant(), request.toConsent(now(), actor),
				request.arrivalDate(), request.toHousehold(), caseworker, now());
		this.cases.save(opened);
		this.metrics.caseOpened();
		this.relay.publishSoon(opened.id());
		log.info("Opened case {}", opened.id());
		return opened;
	}

	/**
	 * Opens the pre-application case of a person who registered by SMS, with the id
	 * notify-service chose; a redelivered confirmation changes nothing. The person gave
	 * no name, wrote from this phone, and consented by confirming, under the notice in
	 * force. An erased case's id stays taken.
	 */
	void openSelfRegistered(SelfRegistrationConfirmed registration) {
		if (this.cases.existsById(registration.caseId())) {
			return;
		}
		Applicant applicant = new Applicant(null, registration.preferredLanguage(), registration.phone(), null,
				ContactChannel.SMS, true);
		Case opened = Case.open(registration.caseId(), applicant,
				ContactConsent.of(applicant, now(), ContactConsent.SELF_REGISTRATION, this.noticeVersion),
				registration.arrivalDate(), List.of(), now());
		try {
			this.cases.insert(opened);
		}
		catch (DuplicateKeyException ex) {
			// Another instance opened it a moment ago.
			return;
		}
		this.metrics.caseOpened();
		this.relay.publishSoon(opened.id());
		log.info("Opened self-registered case {}", opened.id());
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
		this.metrics.eventRecorded(recorded.type());
		this.relay.publishSoon(caseId);
		log.info("Recorded {} on case {}", recorded.type(), caseId);
		return recorded;
	}

	/**
	 * Links a case to an organisation with the applicant's consent.
	 * @throws NotFoundException when there is no such case
	 * @throws InvalidRequestException naming every bad field; nothing is stored then
	 * @throws AlreadyAssignedException when a link to that organisation holds already
	 */
	Assignment assign(String caseId, AssignCase request) {
		Case aCase = this.cases.findById(caseId).orElseThrow(NotFoundException::noCase);
		Checks checks = new Checks(today());
		request.check(checks, this.clock.instant());
		checks.throwIfAny();
		Case.Assigned assigned = aCase.assign(UUID.randomUUID().toString(), request.ngoId(), request.toConsent(),
				now());
		this.cases.assign(aCase, assigned);
		this.relay.publishSoon(caseId);
		log.info("Assigned case {} to organisation {} ({})", caseId, request.ngoId(),
				assigned.assignment().assignmentId());
		return assigned.assignment();
	}

	/**
	 * Ends a link of a case to an organisation. Ending one that has ended already changes
	 * nothing.
	 * @return the link as it stands now
	 * @throws NotFoundException when there is no such case or link
	 */
	Assignment revoke(String caseId, String assignmentId) {
		Case aCase = this.cases.findById(caseId).orElseThrow(NotFoundException::noCase);
		Optional<Case.Assigned> revoked = aCase.revoke(assignmentId, now());
		if (revoked.isPresent() && this.cases.revoke(aCase, revoked.get())) {
			this.relay.publishSoon(caseId);
			log.info("Revoked assignment {} of case {}", assignmentId, caseId);
			return revoked.get().assignment();
		}
		return this.cases.findById(caseId)
			.flatMap((stored) -> stored.assignment(assignmentId))
			.orElseThrow(NotFoundException::noAssignment);
	}

	/**
	 * Gives a case to a caseworker; giving it to the one who holds it changes nothing.
	 * @throws NotFoundException when there is no such case
	 * @throws InvalidRequestException when the caseworker is missing or too long
	 */
	Case assignCaseworker(String caseId, String caseworker) {
		Checks checks = new Checks(today());
		checks.text("caseworker", caseworker, OpenCase.MAX_CASEWORKER);
		checks.throwIfAny();
		Case aCase = this.cases.findById(caseId).orElseThrow(NotFoundException::noCase);
		Optional<RecordedEvent> assigned = aCase.assignCaseworker(caseworker, now());
		if (assigned.isPresent()) {
			this.cases.assignCaseworker(aCase, assigned.get());
			this.relay.publishSoon(caseId);
			log.info("Gave case {} to another caseworker", caseId);
		}
		return aCase;
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
