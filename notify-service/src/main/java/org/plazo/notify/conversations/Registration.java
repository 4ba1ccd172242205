package org.plazo.notify.conversations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.plazo.events.notifications.SelfRegistrationConfirmed;
import org.plazo.notify.outbox.PendingEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A self-registration by SMS in progress: a person in no case system yet gives the day
 * they entered Panama and confirms it. Keyed by their E.164 number. On confirmation it
 * records {@code SelfRegistrationConfirmed} in its outbox, with a new case id.
 */
@Document(Registration.COLLECTION)
class Registration {

	static final String COLLECTION = "registrations";

	enum State {

		/** Asked for the arrival date. */
		AWAITING_DATE,

		/** Asked to confirm {@code arrival}. */
		AWAITING_CONFIRMATION,

		/** Confirmed: the case is being opened. */
		CONFIRMED

	}

	@Id
	private String phone;

	private State state;

	private LocalDate arrival;

	private String language;

	private String caseId;

	private int questions;

	private Instant startedAt;

	private Instant updatedAt;

	private List<PendingEvent> outbox = new ArrayList<>();

	private Registration() {
		// for the object mapper
	}

	static Registration start(String phone, String language, Instant now) {
		Registration registration = new Registration();
		registration.phone = phone;
		registration.state = State.AWAITING_DATE;
		registration.language = language;
		registration.startedAt = now;
		registration.updatedAt = now;
		return registration;
	}

	void askDate(Instant now) {
		this.state = State.AWAITING_DATE;
		this.arrival = null;
		this.questions++;
		this.updatedAt = now;
	}

	void propose(LocalDate arrival, Instant now) {
		this.state = State.AWAITING_CONFIRMATION;
		this.arrival = arrival;
		this.questions++;
		this.updatedAt = now;
	}

	void speak(String language, Instant now) {
		this.language = language;
		this.updatedAt = now;
	}

	/**
	 * The person confirmed the date: a pre-application case is to be opened.
	 * @param caseId the new case's id
	 * @param now the current time
	 */
	void confirm(String caseId, Instant now) {
		if (this.state != State.AWAITING_CONFIRMATION) {
			throw new IllegalStateException("Registration is " + this.state + ", not awaiting confirmation");
		}
		this.state = State.CONFIRMED;
		this.caseId = caseId;
		this.updatedAt = now;
		this.outbox.add(PendingEvent.of(caseId + ":self-registration-confirmed",
				new SelfRegistrationConfirmed(caseId, this.phone, this.arrival, this.language, now), now));
	}

	String phone() {
		return this.phone;
	}

	State state() {
		return this.state;
	}

	LocalDate arrival() {
		return this.arrival;
	}

	String language() {
		return this.language;
	}

	String caseId() {
		return this.caseId;
	}

	List<PendingEvent> outbox() {
		return List.copyOf(this.outbox);
	}

	@Override
	public String toString() {
		return "Registration[state=" + this.state + ", caseId=" + this.caseId + "]";
	}

}
