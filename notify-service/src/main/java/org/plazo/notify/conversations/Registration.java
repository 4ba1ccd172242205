package org.plazo.notify.conversations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.plazo.events.notifications.SelfRegistrationConfirmed;
import org.plazo.notify.privacy.Sealed;
import org.plazo.notify.outbox.PendingEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A self-registration by SMS in progress: a person in no case system yet gives the day
 * they entered Panama and confirms it. Found by the keyed hash of their number (its
 * {@code _id} is the hash under the lookup key of its creation); the number itself is
 * stored encrypted with the key of the case id reserved at the start, which becomes the
 * case's id on confirmation. On confirmation it records {@code SelfRegistrationConfirmed}
 * in its outbox (stored encrypted by {@link Registrations}: it carries the phone).
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
	private String id;

	private List<String> phoneIndex = new ArrayList<>();

	private Sealed phone;

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

	static Registration start(List<String> phoneIndex, String caseId, String language, Instant now) {
		Registration registration = new Registration();
		registration.id = phoneIndex.get(0);
		registration.phoneIndex = new ArrayList<>(phoneIndex);
		registration.caseId = caseId;
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
	 * The person confirmed the date: a pre-application case is to be opened, with the
	 * case id reserved at the start.
	 * @param phone their E.164 number, which the event carries (v1 contract)
	 * @param now the current time
	 * @return the event recorded, to publish
	 */
	List<PendingEvent> confirm(String phone, Instant now) {
		if (this.state != State.AWAITING_CONFIRMATION) {
			throw new IllegalStateException("Registration is " + this.state + ", not awaiting confirmation");
		}
		this.state = State.CONFIRMED;
		this.updatedAt = now;
		PendingEvent event = PendingEvent.of(this.caseId + ":self-registration-confirmed",
				new SelfRegistrationConfirmed(this.caseId, phone, this.arrival, this.language, now), now);
		this.outbox.add(event);
		return List.of(event);
	}

	/** Stores the phone's hashes under the keys in use now, and the phone sealed. */
	void indexedBy(List<String> phoneIndex, Sealed phone) {
		this.phoneIndex = new ArrayList<>(phoneIndex);
		this.phone = phone;
	}

	/** Replaces the outbox's events by their stored (encrypted) form. */
	void sealOutbox(java.util.function.UnaryOperator<PendingEvent> seal) {
		this.outbox.replaceAll(seal);
	}

	String id() {
		return this.id;
	}

	Sealed phone() {
		return this.phone;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
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
