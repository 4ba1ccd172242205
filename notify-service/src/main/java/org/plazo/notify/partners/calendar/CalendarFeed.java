package org.plazo.notify.partners.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.plazo.events.cases.SharedData;
import org.plazo.notify.partners.events.Contact;
import org.plazo.notify.partners.events.ContactDetails;
import org.plazo.notify.partners.ngos.CaseLink;
import org.plazo.notify.partners.ngos.CaseLinks;
import org.plazo.notify.partners.ngos.CaseReferences;
import org.plazo.notify.partners.ngos.Ngo;
import org.plazo.notify.partners.support.PartnerProperties;

import org.springframework.stereotype.Component;

/**
 * An organisation's calendar (RFC 5545, built with ical4j, which escapes and folds the
 * text): one all-day event on the last day of each deadline of each case linked to it
 * with consent to share procedural events. The UID is an opaque reference to the
 * deadline, stable for that organisation; SEQUENCE grows when the deadline moves, is met,
 * missed or cancelled (then STATUS:CANCELLED). Contact details only where the applicant
 * agreed to share them with the organisation. Each calendar is built at most once per
 * {@code plazo.partners.calendar.cache} (finding an organisation's cases scans the
 * links).
 */
@Component
public class CalendarFeed {

	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

	private final CaseLinks links;

	private final DeadlineCalendar deadlines;

	private final ContactDetails contacts;

	private final Clock clock;

	private final Duration cache;

	private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

	CalendarFeed(CaseLinks links, DeadlineCalendar deadlines, ContactDetails contacts, Clock clock,
			PartnerProperties properties) {
		this.links = links;
		this.deadlines = deadlines;
		this.contacts = contacts;
		this.clock = clock;
		this.cache = properties.calendar().cache();
	}

	public String render(Ngo ngo) {
		Instant now = this.clock.instant();
		Rendered cached = this.rendered.get(ngo.id());
		if (cached != null && now.isBefore(cached.builtAt().plus(this.cache)) && !now.isBefore(cached.builtAt())) {
			return cached.ics();
		}
		String ics = build(ngo);
		this.rendered.put(ngo.id(), new Rendered(ics, now));
		return ics;
	}

	/** Forgets an organisation's calendar, e.g. when a link of it was made or ended. */
	public void invalidate(String ngoId) {
		this.rendered.remove(ngoId);
	}

	private String build(Ngo ngo) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Plazo//Partner deadlines 1.0//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", "Plazo: " + ngo.name()));
		List<String> caseIds = this.links.activeCasesOf(ngo.id());
		for (DeadlineCalendar.CaseCalendar aCase : this.deadlines.of(caseIds)) {
			Optional<CaseLink> link = this.links.active(aCase.caseId(), ngo.id());
			if (link.isEmpty() || !link.get().shares(SharedData.PROCEDURAL_EVENTS)) {
				continue;
			}
			Optional<Contact> contact = link.get().shares(SharedData.CONTACT_DETAILS) ? this.contacts.of(aCase.caseId())
					: Optional.empty();
			String caseRef = CaseReferences.caseRef(ngo, aCase.caseId());
			for (CalendarDeadline deadline : aCase.deadlines()) {
				calendar.add(event(ngo, caseRef, deadline, contact));
			}
		}
		StringWriter ics = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, ics);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ics.toString();
	}

	private static VEvent event(Ngo ngo, String caseRef, CalendarDeadline deadline, Optional<Contact> contact) {
		String state = switch (deadline.status()) {
			case "MET" -> " (met)";
			case "MISSED" -> " (missed)";
			case "CANCELLED" -> " (cancelled)";
			default -> "";
		};
		VEvent event = new VEvent(deadline.lastDay(), deadline.lastDay().plusDays(1),
				"Last day: " + deadline.kind() + state + ", case " + caseRef);
		StringBuilder description = new StringBuilder().append("Case ")
			.append(caseRef)
			.append(".\nDeadline ")
			.append(deadline.kind())
			.append(": the term closes on ")
			.append(deadline.lastDay())
			.append(" at ")
			.append(HOUR.format(deadline.dueAt().atZone(PANAMA)))
			.append(" (America/Panama).");
		if (deadline.legalBasis() != null) {
			description.append("\nLegal basis: ").append(deadline.legalBasis()).append('.');
		}
		contact.ifPresent((details) -> {
			if (details.phone() != null) {
				description.append("\nPhone: ").append(details.phone());
			}
			if (details.email() != null) {
				description.append("\nEmail: ").append(details.email());
			}
		});
		event.replace(new DtStamp(deadline.updatedAt()));
		event.add(new Uid(CaseReferences.ref(ngo, "deadline", deadline.deadlineId()) + "@plazo"));
		event.add(new Sequence(deadline.sequence()));
		event.add(new Status(deadline.status().equals("CANCELLED") ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
		event.add(new Description(description.toString()));
		return event;
	}

	private record Rendered(String ics, Instant builtAt) {

	}

}
