package org.plazo.notify.conversations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.plazo.notify.deadlines.DeadlineProjection;
import org.plazo.notify.deadlines.TrackedDeadline;
import org.plazo.notify.messages.Language;
import org.plazo.notify.messages.Replies;
import org.plazo.notify.messages.Replies.Reply;
import org.plazo.notify.outbox.EventOutbox;
import org.plazo.notify.outbox.OutboxCollection;
import org.plazo.notify.outbox.PendingEvent;
import org.plazo.notify.recipients.PhoneContact;
import org.plazo.notify.recipients.PhoneNumbers;
import org.plazo.notify.recipients.Recipient;
import org.plazo.notify.recipients.RecipientDirectory;
import org.plazo.notify.sms.InboundSms;
import org.plazo.notify.sms.InboundSmsHandler;
import org.plazo.notify.sms.SmsGateway;
import org.plazo.notify.sms.SmsMessage;
import org.plazo.notify.sms.SmsNotSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * Answers what people text: STOP/BAJA (opt out, confirmed once), START/ALTA, HELP/AYUDA,
 * PLAZO/NEXT (their next deadline), ES/EN/FR/HT/PT (language), and self-registration by
 * arrival date. Anything else gets the HELP answer. Replies go out at once through the
 * SMS gateway: the person is awake, they just wrote.
 */
@Service
public class TwoWaySms implements InboundSmsHandler {

	private static final Logger log = LoggerFactory.getLogger(TwoWaySms.class);

	private static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private static final int YEARS_BACK = 5;

	private final RecipientDirectory directory;

	private final DeadlineProjection deadlines;

	private final Replies replies;

	private final SmsGateway sms;

	private final Registrations registrations;

	private final EventOutbox outbox;

	private final Clock clock;

	private final Supplier<String> caseIds;

	@Autowired
	TwoWaySms(RecipientDirectory directory, DeadlineProjection deadlines, Replies replies, SmsGateway sms,
			Registrations registrations, EventOutbox outbox, Clock clock) {
		this(directory, deadlines, replies, sms, registrations, outbox, clock, () -> UUID.randomUUID().toString());
	}

	TwoWaySms(RecipientDirectory directory, DeadlineProjection deadlines, Replies replies, SmsGateway sms,
			Registrations registrations, EventOutbox outbox, Clock clock, Supplier<String> caseIds) {
		this.directory = directory;
		this.deadlines = deadlines;
		this.replies = replies;
		this.sms = sms;
		this.registrations = registrations;
		this.outbox = outbox;
		this.clock = clock;
		this.caseIds = caseIds;
	}

	/**
	 * Whether a text asks to stop the messages (STOP, BAJA...): honoured whatever else
	 * limits the sender.
	 * @param text what the person wrote
	 * @return true for an opt-out keyword
	 */
	public static boolean isOptOut(String text) {
		return Keywords.parse(text).type() == Command.Type.OPT_OUT;
	}

	@Override
	public void onInbound(InboundSms message) {
		Optional<String> phone = PhoneNumbers.e164(message.from());
		if (phone.isEmpty()) {
			log.warn("Inbound SMS through {} from a malformed number dropped", message.provider());
			return;
		}
		Conversation conversation = new Conversation(phone.get(), Keywords.parse(message.text()), message.text());
		log.info("Inbound SMS through {}: {}", message.provider(), conversation.command.type());
		conversation.answer();
	}

	/**
	 * One inbound message and what is known about its sender.
	 */
	private final class Conversation {

		private final String phone;

		private final Command command;

		private final String text;

		private final List<Recipient> cases;

		private final Registration registration;

		private final Instant now;

		private String language;

		Conversation(String phone, Command command, String text) {
			this.phone = phone;
			this.command = command;
			this.text = text;
			this.cases = TwoWaySms.this.directory.findByPhone(phone);
			this.registration = TwoWaySms.this.registrations.find(phone);
			this.now = TwoWaySms.this.clock.instant();
			this.language = language(TwoWaySms.this.directory.contactOf(phone));
		}

		private String language(Optional<PhoneContact> contact) {
			if (contact.isPresent() && contact.get().language() != null) {
				return contact.get().language();
			}
			if (!this.cases.isEmpty()) {
				return Language.supported(this.cases.get(0).language());
			}
			if (this.registration != null && this.registration.language() != null) {
				return this.registration.language();
			}
			return Language.supported(this.command.language());
		}

		void answer() {
			switch (this.command.type()) {
				case OPT_OUT -> {
					// Confirmed once: someone who said STOP hears nothing more after it.
					if (TwoWaySms.this.directory.optOut(this.phone, this.command.keyword())) {
						reply(Reply.OPT_OUT);
					}
				}
				case OPT_IN -> {
					TwoWaySms.this.directory.optIn(this.phone);
					reply(Reply.OPT_IN);
				}
				case HELP -> reply(Reply.HELP);
				case LANGUAGE -> {
					this.language = this.command.switchTo();
					TwoWaySms.this.directory.speak(this.phone, this.language);
					if (this.registration != null) {
						this.registration.speak(this.language, this.now);
						save(this.registration);
					}
					reply(Reply.LANGUAGE);
				}
				case NEXT -> next();
				case REGISTER -> register();
				case YES, NO -> confirmation();
				default -> other();
			}
		}

		private void next() {
			if (this.cases.isEmpty()) {
				boolean pending = this.registration != null
						&& this.registration.state() == Registration.State.CONFIRMED;
				reply(pending ? Reply.PENDING : Reply.NONE);
				return;
			}
			Optional<TrackedDeadline> next = TwoWaySms.this.deadlines
				.next(this.cases.stream().map(Recipient::caseId).toList());
			next.ifPresentOrElse((deadline) -> send(
					TwoWaySms.this.replies.next(this.language, deadline.kind(), deadline.lastDay(), deadline.dueAt())),
					() -> reply(Reply.NONE));
		}

		private void register() {
			if (!this.cases.isEmpty()) {
				reply(Reply.REGISTER_KNOWN);
				return;
			}
			if (this.registration != null && this.registration.state() == Registration.State.CONFIRMED) {
				reply(Reply.PENDING);
				return;
			}
			Registration current = (this.registration != null) ? this.registration : start();
			date(current, this.command.rest());
		}

		private void confirmation() {
			Registration current = this.registration;
			if (current == null || current.state() != Registration.State.AWAITING_CONFIRMATION) {
				if (current != null && current.state() == Registration.State.AWAITING_DATE) {
					date(current, this.text);
				}
				else {
					reply(Reply.HELP);
				}
				return;
			}
			if (this.command.type() == Command.Type.NO) {
				current.askDate(this.now);
				save(current);
				reply(Reply.REGISTER_ASK);
				return;
			}
			List<PendingEvent> confirmed = current.confirm(this.phone, this.now);
			save(current);
			TwoWaySms.this.outbox.publish(Registration.COLLECTION, current.id(), confirmed);
			log.info("Self-registration confirmed: case {}", current.caseId());
			reply(Reply.REGISTER_DONE);
		}

		private void other() {
			if (this.registration != null && this.registration.state() != Registration.State.CONFIRMED) {
				date(this.registration, this.text);
				return;
			}
			// A bare date from a number without a case starts a registration.
			if (this.cases.isEmpty() && this.registration == null
					&& !(ArrivalDates.read(this.text, today()) instanceof ArrivalDates.Nothing)) {
				date(start(), this.text);
				return;
			}
			reply(Reply.HELP);
		}

		/**
		 * Reads a date for a registration and asks the next question: confirm it, or give
		 * it again. Never guesses.
		 */
		private void date(Registration current, String dateText) {
			LocalDate today = today();
			ArrivalDates.Reading reading = ArrivalDates.read(dateText, today);
			// Java 17: no pattern switch.
			if (reading instanceof ArrivalDates.Found found) {
				LocalDate arrival = found.date();
				if (arrival.isAfter(today)) {
					current.askDate(this.now);
					save(current);
					send(TwoWaySms.this.replies.aboutArrival(Reply.REGISTER_FUTURE, this.language, arrival));
				}
				else if (arrival.isBefore(today.minusYears(YEARS_BACK))) {
					current.askDate(this.now);
					save(current);
					send(TwoWaySms.this.replies.aboutArrival(Reply.REGISTER_TOO_OLD, this.language, arrival));
				}
				else {
					current.propose(arrival, this.now);
					save(current);
					send(TwoWaySms.this.replies.aboutArrival(Reply.REGISTER_CONFIRM, this.language, arrival));
				}
			}
			else {
				boolean asked = current.state() == Registration.State.AWAITING_DATE && this.registration != null;
				current.askDate(this.now);
				save(current);
				reply((reading instanceof ArrivalDates.Unclear || asked) ? Reply.REGISTER_UNCLEAR : Reply.REGISTER_ASK);
			}
		}

		private void save(Registration current) {
			TwoWaySms.this.registrations.save(current, this.phone);
		}

		/** A new registration, with the id its case will have. */
		private Registration start() {
			return TwoWaySms.this.registrations.start(this.phone, TwoWaySms.this.caseIds.get(), this.language,
					this.now);
		}

		private LocalDate today() {
			return LocalDate.ofInstant(this.now, PANAMA);
		}

		private void reply(Reply reply) {
			send(TwoWaySms.this.replies.text(reply, this.language));
		}

		private void send(String body) {
			String caseId = this.cases.isEmpty() ? null : this.cases.get(0).caseId();
			try {
				TwoWaySms.this.sms.send(new SmsMessage("reply:" + UUID.randomUUID(), caseId, this.phone, body));
			}
			catch (SmsNotSent ex) {
				log.warn("Reply not sent: {} {} {}", ex.provider(), ex.kind(), ex.code());
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RegistrationsOutbox {

		@Bean
		OutboxCollection registrationsOutbox(Registrations registrations) {
			return registrations.outboxCollection();
		}

	}

}
