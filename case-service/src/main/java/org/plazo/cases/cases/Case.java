package org.plazo.cases.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.plazo.cases.outbox.OutboxRelay;
import org.plazo.cases.outbox.RecordedEvent;
import org.plazo.events.cases.ArrivalDateCorrected;
import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseAssigned;
import org.plazo.events.cases.CaseEvent;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.CaseworkerAssigned;
import org.plazo.events.cases.ContactDetailsChanged;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A person's asylum case. Each fact of the procedure records the event it causes twice in
 * the same document: in {@code facts}, the case's history, and in the outbox, until the
 * relay has published it. Links to the organisations assisting the applicant live in
 * {@code assignments}, with the consent behind each; their events go to the outbox only,
 * so {@code facts} stays the procedure's history. The caseworker who holds the case (the
 * {@code sub} of their token) is in {@code caseworker}, null while nobody holds it; that
 * event goes to the outbox only too. Storing a change is one document write, atomic on
 * every MongoDB.
 * <p>
 * The applicant's and household's personal fields are encrypted when the document is
 * written and decrypted when it is read ({@link CaseDocuments}); here they are plain. An
 * erased case leaves a tombstone, {@code _id} and {@code erasedAt}, so its id is never
 * used again; {@link Cases} never returns it as a case.
 */
@Document(Case.COLLECTION)
class Case {

	static final String COLLECTION = "cases";

	@Id
	private final String id;

	private final Applicant applicant;

	private LocalDate arrivalDate;

	private final List<HouseholdMember> household;

	private final Instant openedAt;

	private final ContactConsent consent;

	private final List<RecordedEvent> facts;

	private final List<Assignment> assignments;

	private String caseworker;

	@Field(OutboxRelay.FIELD)
	private final List<RecordedEvent> outbox;

	private final Instant erasedAt;

	@PersistenceCreator
	Case(String id, Applicant applicant, LocalDate arrivalDate, List<HouseholdMember> household, Instant openedAt,
			ContactConsent consent, List<RecordedEvent> facts, List<Assignment> assignments, String caseworker,
			List<RecordedEvent> outbox, Instant erasedAt) {
		this.id = id;
		this.applicant = applicant;
		this.arrivalDate = arrivalDate;
		this.household = (household != null) ? List.copyOf(household) : List.of();
		this.openedAt = openedAt;
		this.consent = consent;
		this.erasedAt = erasedAt;
		this.facts = (facts != null) ? new ArrayList<>(facts) : new ArrayList<>();
		this.assignments = (assignments != null) ? new ArrayList<>(assignments) : new ArrayList<>();
		this.caseworker = caseworker;
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
	}

	/**
	 * Opens a case and records {@link CaseOpened}, which carries no names and no contact
	 * details; when there are any, {@link ContactDetailsChanged} follows, and those who
	 * write to the person look them up.
	 */
	static Case open(String id, Applicant applicant, ContactConsent consent, LocalDate arrivalDate,
			List<HouseholdMember> household, Instant now) {
		return open(id, applicant, consent, arrivalDate, household, null, now);
	}

	/**
	 * Opens a case held by {@code caseworker} (null: nobody yet): {@link CaseOpened},
	 * then {@link CaseworkerAssigned} when someone holds it, in the same write.
	 */
	static Case open(String id, Applicant applicant, ContactConsent consent, LocalDate arrivalDate,
			List<HouseholdMember> household, String caseworker, Instant now) {
		Case opened = new Case(id, applicant, arrivalDate, household, now, consent, null, null, null, null, null);
		opened.record(new CaseOpened(id, arrivalDate, applicant.preferredLanguage(), applicant.preferredChannel(), null,
				null, applicant.consentToContact(), opened.household.size(), now), now);
		if (caseworker != null) {
			opened.assignCaseworker(caseworker, now);
		}
		if (applicant.phone() != null || applicant.email() != null) {
			opened.outbox.add(RecordedEvent.of(new ContactDetailsChanged(id, now), now));
		}
		return opened;
	}

	/**
	 * Corrects how to reach the applicant (Law 81 rectification) and records
	 * {@link ContactDetailsChanged}, in the outbox only: it is no fact of the procedure.
	 * @return the event
	 */
	Rectified rectify(Applicant corrected, ContactConsent consent, Instant now) {
		Applicant applicant = new Applicant(this.applicant.name(), corrected.preferredLanguage(), corrected.phone(),
				corrected.email(), corrected.preferredChannel(), corrected.consentToContact());
		RecordedEvent recorded = RecordedEvent.of(new ContactDetailsChanged(this.id, now), now);
		return new Rectified(applicant, consent, recorded);
	}

	/**
	 * Gives the case to a caseworker and records {@link CaseworkerAssigned}.
	 * @return the event, or empty when that caseworker holds it already
	 */
	Optional<RecordedEvent> assignCaseworker(String caseworker, Instant now) {
		if (caseworker.equals(this.caseworker)) {
			return Optional.empty();
		}
		this.caseworker = caseworker;
		RecordedEvent recorded = RecordedEvent.of(new CaseworkerAssigned(this.id, caseworker, now), now);
		this.outbox.add(recorded);
		return Optional.of(recorded);
	}

	/**
	 * Records a fact of the procedure, checked beforehand against this case.
	 * @return the event as recorded
	 */
	RecordedEvent record(CaseEvent event, Instant now) {
		if (!event.caseId().equals(this.id)) {
			throw new IllegalArgumentException("Event of another case");
		}
		if (event instanceof ArrivalDateCorrected corrected) {
			this.arrivalDate = corrected.arrivalDate();
		}
		RecordedEvent recorded = RecordedEvent.of(event, now);
		this.facts.add(recorded);
		this.outbox.add(recorded);
		return recorded;
	}

	/**
	 * Links the case to an organisation with the applicant's consent, and records
	 * {@link CaseAssigned}.
	 * @return the new link and its event
	 * @throws AlreadyAssignedException when a link to that organisation holds already
	 */
	Assigned assign(String assignmentId, String ngoId, Assignment.Consent consent, Instant now) {
		if (activeAssignment(ngoId).isPresent()) {
			throw new AlreadyAssignedException();
		}
		Assignment assignment = new Assignment(assignmentId, ngoId, consent, now, null);
		this.assignments.add(assignment);
		RecordedEvent recorded = RecordedEvent.of(new CaseAssigned(this.id, assignmentId, ngoId, consent.sharedData(),
				consent.givenAt(), consent.obtainedBy(), consent.noticeVersion(), now), now);
		this.outbox.add(recorded);
		return new Assigned(assignment, recorded);
	}

	/**
	 * Ends a link and records {@link AssignmentRevoked}. Not retroactive: the link stays,
	 * with the time it ended.
	 * @return the ended link and its event, or empty when it had ended already
	 * @throws NotFoundException when the case has no such link
	 */
	Optional<Assigned> revoke(String assignmentId, Instant now) {
		Assignment assignment = assignment(assignmentId).orElseThrow(NotFoundException::noAssignment);
		if (!assignment.active()) {
			return Optional.empty();
		}
		Assignment revoked = assignment.revoked(now);
		this.assignments.set(this.assignments.indexOf(assignment), revoked);
		RecordedEvent recorded = RecordedEvent.of(new AssignmentRevoked(this.id, assignmentId, assignment.ngoId(), now),
				now);
		this.outbox.add(recorded);
		return Optional.of(new Assigned(revoked, recorded));
	}

	Optional<Assignment> assignment(String assignmentId) {
		return this.assignments.stream().filter((a) -> a.assignmentId().equals(assignmentId)).findFirst();
	}

	private Optional<Assignment> activeAssignment(String ngoId) {
		return this.assignments.stream().filter((a) -> a.active() && a.ngoId().equals(ngoId)).findFirst();
	}

	List<Assignment> assignments() {
		return List.copyOf(this.assignments);
	}

	String id() {
		return this.id;
	}

	/** The {@code sub} of the caseworker who holds the case, or null. */
	String caseworker() {
		return this.caseworker;
	}

	Applicant applicant() {
		return this.applicant;
	}

	LocalDate arrivalDate() {
		return this.arrivalDate;
	}

	List<HouseholdMember> household() {
		return this.household;
	}

	Instant openedAt() {
		return this.openedAt;
	}

	/**
	 * The consent to contact, or {@code null} for a case opened before it was recorded.
	 */
	ContactConsent consent() {
		return this.consent;
	}

	/** Whether this is the tombstone of an erased case. */
	boolean erased() {
		return this.erasedAt != null;
	}

	List<RecordedEvent> facts() {
		return List.copyOf(this.facts);
	}

	/** Events recorded but not yet acknowledged by Kafka. */
	List<RecordedEvent> pendingEvents() {
		return List.copyOf(this.outbox);
	}

	/**
	 * A link as changed, and the event the change caused.
	 */
	record Assigned(Assignment assignment, RecordedEvent event) {

	}

	/**
	 * Contact details as corrected, and the event the correction caused.
	 */
	record Rectified(Applicant applicant, ContactConsent consent, RecordedEvent event) {

	}

}
