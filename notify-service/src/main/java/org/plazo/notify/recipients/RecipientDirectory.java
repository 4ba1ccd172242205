package org.plazo.notify.recipients;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.plazo.events.cases.CaseOpened;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.outbox.EventOutbox;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

/**
 * Knows how to reach the applicant of each case, and what each phone's owner asked for by
 * SMS (no more messages, another language).
 */
@Service
public class RecipientDirectory implements InitializingBean {

	private final Recipients recipients;

	private final MongoOperations mongo;

	private final EventOutbox outbox;

	private final Clock clock;

	private final NotifyMetrics metrics;

	RecipientDirectory(Recipients recipients, MongoOperations mongo, EventOutbox outbox, Clock clock,
			NotifyMetrics metrics) {
		this.recipients = recipients;
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
		this.metrics = metrics;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(Recipient.class).createIndex(new Index("phone", Sort.Direction.ASC));
	}

	/**
	 * Records how to reach the applicant of a newly opened case. Saving replaces the
	 * whole record by case id, so a redelivered event changes nothing. The phone number
	 * is kept in E.164 when it is valid.
	 * @param event the case event
	 */
	public void register(CaseOpened event) {
		String phone = PhoneNumbers.e164(event.phone()).orElse(event.phone());
		this.recipients.save(new Recipient(event.caseId(), event.preferredLanguage(), event.preferredChannel(), phone,
				event.email(), event.consentToContact(), false, this.clock.instant()));
	}

	public Optional<Recipient> find(String caseId) {
		return this.recipients.findById(caseId).map((recipient) -> recipient.with(contact(recipient.phone())));
	}

	/**
	 * The cases reached at a phone, newest first.
	 * @param phone an E.164 number
	 * @return their recipients
	 */
	public List<Recipient> findByPhone(String phone) {
		PhoneContact contact = contact(phone);
		return this.recipients.findByPhone(phone)
			.stream()
			.map((recipient) -> recipient.with(contact))
			.sorted((a, b) -> compare(b.updatedAt(), a.updatedAt()))
			.toList();
	}

	/**
	 * What a phone's owner asked for by SMS.
	 * @param phone an E.164 number
	 * @return their contact record, or empty when they never asked anything
	 */
	public Optional<PhoneContact> contactOf(String phone) {
		return Optional.ofNullable(contact(phone));
	}

	/**
	 * Records that a phone's owner wants no more messages, and tells every case of that
	 * phone with an {@code OptOutRecorded}.
	 * @param phone an E.164 number
	 * @param keyword the keyword they sent
	 * @return {@code true} the first time, {@code false} when they had already opted out
	 */
	public boolean optOut(String phone, String keyword) {
		Instant now = this.clock.instant();
		PhoneContact contact = load(phone, now);
		List<String> caseIds = this.recipients.findByPhone(phone).stream().map(Recipient::caseId).toList();
		if (!contact.optOut(caseIds, keyword, now)) {
			return false;
		}
		this.mongo.save(contact);
		this.metrics.optOut();
		this.outbox.publish(PhoneContact.COLLECTION, phone, contact.outbox());
		return true;
	}

	/**
	 * Records that a phone's owner wants messages again.
	 * @param phone an E.164 number
	 * @return whether they had opted out
	 */
	public boolean optIn(String phone) {
		Instant now = this.clock.instant();
		PhoneContact contact = load(phone, now);
		boolean changed = contact.optIn(now);
		if (changed) {
			this.mongo.save(contact);
		}
		return changed;
	}

	/**
	 * Records the language a phone's owner wants to be written to in.
	 * @param phone an E.164 number
	 * @param language an ISO 639 code
	 */
	public void speak(String phone, String language) {
		Instant now = this.clock.instant();
		PhoneContact contact = load(phone, now);
		contact.speak(language, now);
		this.mongo.save(contact);
	}

	private PhoneContact contact(String phone) {
		return (phone != null) ? this.mongo.findById(phone, PhoneContact.class) : null;
	}

	private PhoneContact load(String phone, Instant now) {
		PhoneContact found = contact(phone);
		return (found != null) ? found : PhoneContact.of(phone, now);
	}

	private static int compare(Instant a, Instant b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : -1) : 1;
		}
		return a.compareTo(b);
	}

}
