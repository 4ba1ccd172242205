package org.plazo.cases.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.plazo.cases.outbox.OutboxRelay;
import org.plazo.cases.outbox.RecordedEvent;
import org.plazo.events.cases.PersonErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * A person's data in a case, for the privacy feature's Law 81 rights: the contact lookup,
 * rectification, export and erasure. Erasure here replaces the case by its tombstone and
 * records {@link PersonErased}; destroying the person key is the privacy feature's part.
 */
@Service
public class PersonalData {

	private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

	private final Cases cases;

	private final OutboxRelay relay;

	private final Clock clock;

	PersonalData(Cases cases, OutboxRelay relay, Clock clock) {
		this.cases = cases;
		this.relay = relay;
		this.clock = clock;
	}

	/** How to reach the applicant; empty when there is no such case or it was erased. */
	public Optional<Contact> contact(String caseId) {
		return this.cases.findById(caseId).map(PersonalData::contact);
	}

	/**
	 * Corrects how to reach the applicant and records {@code ContactDetailsChanged}.
	 * @param actor who corrects it: the consent's "through whom"
	 * @throws NotFoundException when there is no such case
	 * @throws InvalidRequestException naming every bad field; nothing is stored then
	 */
	public Contact rectify(String caseId, ContactCorrection correction, String actor) {
		Case aCase = this.cases.findById(caseId).orElseThrow(NotFoundException::noCase);
		Checks checks = new Checks(LocalDate.ofInstant(this.clock.instant(), CaseManagement.PANAMA));
		correction.check(checks);
		checks.throwIfAny();
		Instant now = now();
		Applicant corrected = correction.toApplicant();
		Case.Rectified rectified = aCase.rectify(corrected,
				ContactConsent.of(corrected, now, actor,
						Boolean.TRUE.equals(correction.consentToContact()) ? correction.consentNoticeVersion() : null),
				now);
		this.cases.rectify(aCase, rectified);
		this.relay.publishSoon(caseId);
		log.info("Corrected the contact details of case {}", caseId);
		return contact(caseId, rectified.applicant(), rectified.consent());
	}

	/** Everything stored about the case, decrypted; empty when there is none. */
	public Optional<CaseExport> export(String caseId) {
		return this.cases.findById(caseId)
			.map((aCase) -> new CaseExport(aCase.id(), aCase.applicant(), aCase.consent(), aCase.arrivalDate(),
					aCase.household(), aCase.openedAt(), aCase.facts().stream().map(CaseView.Fact::of).toList(),
					aCase.assignments()));
	}

	/**
	 * Replaces the case by its tombstone and records {@link PersonErased}. Erasing an
	 * erased case changes nothing.
	 * @return when it was erased; empty when there is no such case
	 */
	public Optional<Instant> erase(String caseId) {
		Instant now = now();
		Optional<Instant> erasedAt = this.cases.erase(caseId, RecordedEvent.of(new PersonErased(caseId, now), now),
				now);
		if (erasedAt.filter(now::equals).isPresent()) {
			this.relay.publishSoon(caseId);
			log.info("Erased case {}", caseId);
		}
		return erasedAt;
	}

	/** Cases closed on or before the day, erased or not. Scans: once a day. */
	public List<String> closedOnOrBefore(LocalDate day) {
		return this.cases.closedOnOrBefore(day);
	}

	private static Contact contact(Case aCase) {
		return contact(aCase.id(), aCase.applicant(), aCase.consent());
	}

	private static Contact contact(String caseId, Applicant applicant, ContactConsent consent) {
		return new Contact(caseId, applicant.phone(), applicant.email(), applicant.preferredLanguage(),
				(applicant.preferredChannel() != null) ? applicant.preferredChannel().name() : null,
				applicant.consentToContact(), (consent != null) ? consent.noticeVersion() : null);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * How to reach a person: the answer of the contact lookup.
	 *
	 * @param caseId the case
	 * @param phone E.164, or {@code null}
	 * @param email or {@code null}
	 * @param preferredLanguage ISO 639 code
	 * @param preferredChannel {@code SMS} or {@code EMAIL}
	 * @param consentToContact whether the person agrees to be contacted
	 * @param consentNoticeVersion the notice the consent was given under
	 */
	public record Contact(String caseId, String phone, String email, String preferredLanguage, String preferredChannel,
			boolean consentToContact, String consentNoticeVersion) {

	}

	/**
	 * Everything case-service holds about a case and its person.
	 */
	public record CaseExport(String caseId, Applicant applicant, ContactConsent consent, LocalDate arrivalDate,
			List<HouseholdMember> household, Instant openedAt, List<CaseView.Fact> facts,
			List<Assignment> assignments) {

	}

}
