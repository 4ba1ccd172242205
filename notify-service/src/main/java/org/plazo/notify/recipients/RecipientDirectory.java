package org.plazo.notify.recipients;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.outbox.EventOutbox;
import org.plazo.notify.privacy.ErasedCases;
import org.plazo.notify.privacy.PhoneIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Knows how to reach the applicant of each case, and what each phone's owner asked for by
 * SMS (no more messages, another language). Contact details come from case-service's
 * contact lookup; phones are found by their keyed hash. Nothing is learnt for a case
 * whose person was erased.
 */
@Service
public class RecipientDirectory implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(RecipientDirectory.class);

	private final Recipients recipients;

	private final MongoOperations mongo;

	private final EventOutbox outbox;

	private final Clock clock;

	private final NotifyMetrics metrics;

	private final PhoneIndex index;

	private final ErasedCases erased;

	private final CaseContacts contacts;

	RecipientDirectory(Recipients recipients, MongoOperations mongo, EventOutbox outbox, Clock clock,
			NotifyMetrics metrics, PhoneIndex index, ErasedCases erased, CaseContacts contacts) {
		this.recipients = recipients;
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
		this.metrics = metrics;
		this.index = index;
		this.erased = erased;
		this.contacts = contacts;
	}

	@Override
	public void afterPropertiesSet() {
		this.recipients.createIndexes();
		this.mongo.indexOps(PhoneContact.class).createIndex(new Index("phoneIndex", Sort.Direction.ASC));
	}

	/**
	 * Records how to reach the applicant of a newly opened case, from a
	 * {@code CaseOpened} that still carries the phone or email: records written before
	 * case-service moved contact details to its lookup. Migration path, to be removed
	 * once no such record is left on {@code plazo.case-events.v1} (its retention has
	 * passed). Saving replaces the whole record by case id, so a redelivered event
	 * changes nothing. The phone number is kept in E.164 when it is valid.
	 * @param event the case event
	 */
	public void register(CaseOpened event) {
		if (this.erased.contains(event.caseId())) {
			return;
		}
		String phone = PhoneNumbers.e164(event.phone()).orElse(event.phone());
		this.recipients.save(new Recipient(event.caseId(), event.preferredLanguage(), event.preferredChannel(), phone,
				event.email(), event.consentToContact(), false, this.clock.instant()));
	}

	/**
	 * Learns a case's contact details from case-service's lookup: on a {@code CaseOpened}
	 * without them, and on {@code ContactDetailsChanged}. When case-service has none
	 * (404), what was known is forgotten.
	 * @param caseId the case
	 * @throws ContactLookupUnavailable when case-service cannot answer now
	 */
	public void refresh(String caseId) {
		if (this.erased.contains(caseId)) {
			return;
		}
		Optional<CaseContact> contact = this.contacts.of(caseId);
		if (contact.isEmpty()) {
			this.recipients.delete(caseId);
			log.info("Case {} has no contact details at case-service", caseId);
			return;
		}
		CaseContact details = contact.get();
		String phone = PhoneNumbers.e164(details.phone()).orElse(details.phone());
		ContactChannel channel = (details.preferredChannel() != null) ? details.preferredChannel() : ContactChannel.SMS;
		this.recipients.save(new Recipient(caseId, details.preferredLanguage(), channel, phone, details.email(),
				Boolean.TRUE.equals(details.consentToContact()), false, this.clock.instant()));
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
		this.outbox.publish(PhoneContact.COLLECTION, contact.id(), contact.outbox());
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

	/**
	 * Forgets a case's recipient, and the SMS choices of its phone when no other case is
	 * reached at it.
	 * @param caseId the case
	 */
	void erase(String caseId) {
		List<String> phoneIndex = this.recipients.phoneIndexOf(caseId);
		this.recipients.delete(caseId);
		if (!phoneIndex.isEmpty() && !this.recipients.anyAt(phoneIndex)) {
			this.mongo.remove(query(where("phoneIndex").in(phoneIndex)), PhoneContact.class);
		}
	}

	private PhoneContact contact(String phone) {
		if (phone == null) {
			return null;
		}
		return this.mongo.findOne(query(where("phoneIndex").in(this.index.hashes(phone))), PhoneContact.class);
	}

	private PhoneContact load(String phone, Instant now) {
		List<String> hashes = this.index.hashes(phone);
		PhoneContact found = contact(phone);
		if (found == null) {
			return PhoneContact.of(hashes, now);
		}
		found.indexedBy(hashes);
		return found;
	}

	private static int compare(Instant a, Instant b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : -1) : 1;
		}
		return a.compareTo(b);
	}

}
