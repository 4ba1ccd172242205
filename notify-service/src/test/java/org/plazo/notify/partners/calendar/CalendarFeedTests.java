package org.plazo.notify.partners.calendar;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseAssigned;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.cases.SharedData;
import org.plazo.events.deadlines.DeadlineCancelled;
import org.plazo.events.deadlines.DeadlineMet;
import org.plazo.events.deadlines.DeadlineRescheduled;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.notify.partners.events.ContactDetails;
import org.plazo.notify.partners.ngos.CaseLinks;
import org.plazo.notify.partners.ngos.CaseReferences;
import org.plazo.notify.partners.ngos.Ngo;
import org.plazo.notify.partners.ngos.NgoRegistry;
import org.plazo.notify.partners.support.MovableClock;
import org.plazo.notify.partners.support.TestProperties;
import org.plazo.notify.recipients.Recipient;
import org.plazo.notify.recipients.RecipientDirectory;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The calendar feed, read back with ical4j's parser as a calendar app would.
 */
class CalendarFeedTests {

	static final Instant T0 = Instant.parse("2026-03-10T15:00:00Z");

	private final MovableClock clock = new MovableClock(T0);

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client = MongoClients.create(this.server.bindAndGetConnectionString());

	private final MongoTemplate mongo = new MongoTemplate(this.client, "calendar-tests");

	private final NgoRegistry registry = new NgoRegistry(this.mongo, this.clock);

	private final CaseLinks links = new CaseLinks(this.mongo, this.registry);

	private final DeadlineCalendar deadlines = new DeadlineCalendar(this.mongo, this.clock);

	private final RecipientDirectory recipients = mock(RecipientDirectory.class);

	private final CalendarFeed feed = new CalendarFeed(this.links, this.deadlines, new ContactDetails(this.recipients),
			this.clock, TestProperties.partners(true));

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void showsEachDeadlineOnItsLastDayWithAStableUidAndASequenceThatGrowsWhenItMoves() throws Exception {
		Ngo ngo = ngo();
		assign("case-1", ngo, SharedData.PROCEDURAL_EVENTS);
		this.deadlines.apply(new DeadlineScheduled("case-1", "case-1:RECONSIDERATION", "RECONSIDERATION",
				LocalDate.of(2026, 3, 17), Instant.parse("2026-03-17T21:00:00Z"), "reconsideration", "2026.1",
				"Ley 38 de 2000, art. 166; Decreto 5, art. 57"));

		VEvent first = single(parse(this.feed.render(ngo)));
		assertThat(value(first, Property.DTSTART)).isEqualTo("20260317");
		assertThat(value(first, Property.DTEND)).isEqualTo("20260318");
		assertThat(value(first, Property.SEQUENCE)).isEqualTo("0");
		assertThat(value(first, Property.STATUS)).isEqualTo("CONFIRMED");
		assertThat(value(first, Property.SUMMARY)).contains("RECONSIDERATION", CaseReferences.caseRef(ngo, "case-1"));
		assertThat(value(first, Property.DESCRIPTION)).contains("16:00 (America/Panama)")
			.contains("Ley 38 de 2000, art. 166; Decreto 5, art. 57");
		assertThat(value(first, Property.UID)).doesNotContain("case-1").endsWith("@plazo");

		this.deadlines.apply(new DeadlineRescheduled("case-1", "case-1:RECONSIDERATION", "RECONSIDERATION",
				LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 18), Instant.parse("2026-03-17T21:00:00Z"),
				Instant.parse("2026-03-18T21:00:00Z"), "CALENDAR_CHANGED", "Ley 38 de 2000, art. 166"));
		// The same event twice changes nothing more.
		this.deadlines.apply(new DeadlineRescheduled("case-1", "case-1:RECONSIDERATION", "RECONSIDERATION",
				LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 18), Instant.parse("2026-03-17T21:00:00Z"),
				Instant.parse("2026-03-18T21:00:00Z"), "CALENDAR_CHANGED", "Ley 38 de 2000, art. 166"));
		this.clock.advance(Duration.ofMinutes(6));

		VEvent moved = single(parse(this.feed.render(ngo)));
		assertThat(value(moved, Property.UID)).isEqualTo(value(first, Property.UID));
		assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
		assertThat(value(moved, Property.DTSTART)).isEqualTo("20260318");

		this.deadlines
			.apply(new DeadlineCancelled("case-1", "case-1:RECONSIDERATION", "RECONSIDERATION", "CASE_CLOSED"));
		this.feed.invalidate(ngo.id());
		VEvent cancelled = single(parse(this.feed.render(ngo)));
		assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("2");
		assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
	}

	@Test
	void showsOnlyCasesLinkedNowWithConsentToProceduralEvents() throws Exception {
		Ngo ngo = ngo();
		assign("case-1", ngo, SharedData.PROCEDURAL_EVENTS);
		assign("case-2", ngo, SharedData.CONTACT_DETAILS);
		assign("case-3", ngo, SharedData.PROCEDURAL_EVENTS);
		this.links.apply(new AssignmentRevoked("case-3", "assignment-" + ngo.id(), ngo.id(), T0));
		for (String caseId : List.of("case-1", "case-2", "case-3", "case-4")) {
			this.deadlines.apply(deadline(caseId));
		}
		this.deadlines.apply(new DeadlineMet("case-1", "case-1:FILING_WINDOW", "FILING_WINDOW"));

		Calendar calendar = parse(this.feed.render(ngo));

		assertThat(calendar.<VEvent>getComponents("VEVENT")).singleElement()
			.satisfies((event) -> assertThat(value(event, Property.SUMMARY)).contains("(met)")
				.contains(CaseReferences.caseRef(ngo, "case-1")));
	}

	@Test
	void showsContactDetailsOnlyWhereTheApplicantAgreedToShareThem() throws Exception {
		given(this.recipients.find(anyString()))
			.willAnswer((invocation) -> Optional.of(new Recipient(invocation.getArgument(0), "es", ContactChannel.SMS,
					"+50760001234", "ana.prueba@example.org", true, T0)));
		Ngo with = ngo();
		Ngo without = ngo();
		assign("case-1", with, SharedData.PROCEDURAL_EVENTS, SharedData.CONTACT_DETAILS);
		assign("case-1", without, SharedData.PROCEDURAL_EVENTS);
		this.deadlines.apply(deadline("case-1"));

		String withConsent = this.feed.render(with);
		String withoutConsent = this.feed.render(without);

		assertThat(unfold(withConsent)).contains("+50760001234", "ana.prueba@example.org");
		assertThat(unfold(withoutConsent)).doesNotContain("50760001234", "ana.prueba", "Ana Prueba");
		assertThat(single(parse(withoutConsent))).isNotNull();
	}

	private Ngo ngo() {
		return this.registry.register("Refugio Prueba, Panamá; sede \"Centro\"", "avisos@ong.example.org", false).ngo();
	}

	private void assign(String caseId, Ngo ngo, SharedData... shared) {
		this.links.apply(new CaseAssigned(caseId, "assignment-" + ngo.id(), ngo.id(), List.of(shared), T0,
				"caseworker-17", "2026-03", T0));
	}

	private static DeadlineScheduled deadline(String caseId) {
		return new DeadlineScheduled(caseId, caseId + ":FILING_WINDOW", "FILING_WINDOW", LocalDate.of(2026, 9, 3),
				Instant.parse("2026-09-03T21:00:00Z"), "filing-window", "2026.1",
				"Decreto Ejecutivo 5 de 2018, art. 30");
	}

	private static Calendar parse(String ics) throws Exception {
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0\r\n", "PRODID:");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		return new CalendarBuilder().build(new StringReader(ics));
	}

	private static VEvent single(Calendar calendar) {
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElseThrow();
	}

	private static String unfold(String ics) {
		return ics.replace("\r\n ", "");
	}

}
