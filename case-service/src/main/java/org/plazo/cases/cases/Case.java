package org.plazo.cases.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.plazo.cases.outbox.OutboxRelay;
import org.plazo.cases.outbox.RecordedEvent;
import org.plazo.events.cases.ArrivalDateCorrected;
import org.plazo.events.cases.CaseEvent;
import org.plazo.events.cases.CaseOpened;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A person's asylum case. Each transition records the event it causes twice in the same
 * document: in {@code facts}, the case's history, and in the outbox, until the relay has
 * published it. Storing a change is one document write, atomic on every MongoDB.
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

	private final List<RecordedEvent> facts;

	@Field(OutboxRelay.FIELD)
	private final List<RecordedEvent> outbox;

	@PersistenceCreator
	Case(String id, Applicant applicant, LocalDate arrivalDate, List<HouseholdMember> household, Instant openedAt,
			List<RecordedEvent> facts, List<RecordedEvent> outbox) {
		this.id = id;
		this.applicant = applicant;
		this.arrivalDate = arrivalDate;
		this.household = (household != null) ? List.copyOf(household) : List.of();
		this.openedAt = openedAt;
		this.facts = (facts != null) ? new ArrayList<>(facts) : new ArrayList<>();
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
	}

	/**
	 * Opens a case and records {@link CaseOpened}, which carries no names.
	 */
	static Case open(String id, Applicant applicant, LocalDate arrivalDate, List<HouseholdMember> household,
			Instant now) {
		Case opened = new Case(id, applicant, arrivalDate, household, now, null, null);
		opened.record(new CaseOpened(id, arrivalDate, applicant.preferredLanguage(), applicant.preferredChannel(),
				applicant.phone(), applicant.email(), applicant.consentToContact(), opened.household.size(), now), now);
		return opened;
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

	String id() {
		return this.id;
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

	List<RecordedEvent> facts() {
		return List.copyOf(this.facts);
	}

	/** Events recorded but not yet acknowledged by Kafka. */
	List<RecordedEvent> pendingEvents() {
		return List.copyOf(this.outbox);
	}

}
