package org.plazo.notify.recipients;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.plazo.events.notifications.OptOutRecorded;
import org.plazo.notify.outbox.PendingEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a phone's owner said by SMS: whether they want messages, and in which language.
 * Found by the phone's keyed hash (never the number), so it holds for every case of that
 * phone, including cases opened later; its {@code _id} is the hash under the lookup key
 * of its creation, so two first messages at once make one record. Its outbox holds the
 * {@code OptOutRecorded} events it causes (case ids only).
 */
@Document(PhoneContact.COLLECTION)
public class PhoneContact {

	static final String COLLECTION = "phone_contacts";

	@Id
	private String id;

	private List<String> phoneIndex = new ArrayList<>();

	private boolean optedOut;

	private Instant optedOutAt;

	private String language;

	private Instant updatedAt;

	private List<PendingEvent> outbox = new ArrayList<>();

	private PhoneContact() {
		// for the object mapper
	}

	static PhoneContact of(List<String> phoneIndex, Instant now) {
		PhoneContact contact = new PhoneContact();
		contact.id = phoneIndex.get(0);
		contact.phoneIndex = new ArrayList<>(phoneIndex);
		contact.updatedAt = now;
		return contact;
	}

	/**
	 * Stores the phone's hashes under the keys in use now (a rotation adds the new one).
	 */
	void indexedBy(List<String> phoneIndex) {
		this.phoneIndex = new ArrayList<>(phoneIndex);
	}

	/**
	 * Records that the owner asked for no more messages.
	 * @param caseIds the cases of this phone, each told by an {@code OptOutRecorded}
	 * @param keyword the keyword they sent
	 * @param now the current time
	 * @return whether this is news (a repeated STOP changes nothing)
	 */
	boolean optOut(List<String> caseIds, String keyword, Instant now) {
		if (this.optedOut) {
			return false;
		}
		this.optedOut = true;
		this.optedOutAt = now;
		this.updatedAt = now;
		for (String caseId : caseIds) {
			this.outbox.add(PendingEvent.of(caseId + ":opt-out:" + now.toEpochMilli(),
					new OptOutRecorded(caseId, "SMS", keyword, now), now));
		}
		return true;
	}

	boolean optIn(Instant now) {
		if (!this.optedOut) {
			return false;
		}
		this.optedOut = false;
		this.optedOutAt = null;
		this.updatedAt = now;
		return true;
	}

	void speak(String language, Instant now) {
		this.language = language;
		this.updatedAt = now;
	}

	String id() {
		return this.id;
	}

	List<String> phoneIndex() {
		return List.copyOf(this.phoneIndex);
	}

	Instant optedOutAt() {
		return this.optedOutAt;
	}

	public boolean optedOut() {
		return this.optedOut;
	}

	/**
	 * @return the language the owner chose by SMS, or {@code null}
	 */
	public String language() {
		return this.language;
	}

	List<PendingEvent> outbox() {
		return List.copyOf(this.outbox);
	}

	@Override
	public String toString() {
		return "PhoneContact[optedOut=" + this.optedOut + ", language=" + this.language + "]";
	}

}
