package org.plazo.cases.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.cases.outbox.RecordedEvent;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;

class CaseTests {

	static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

	static final Applicant ANA = new Applicant("Ana Prueba", "es", "+50760001234", null, ContactChannel.SMS, true);

	static final ContactConsent CONSENT = ContactConsent.of(ANA, NOW, "dev-caseworker-ana", "2026-11");

	static final List<HouseholdMember> HOUSEHOLD = List
		.of(new HouseholdMember("member-1", "Luis Prueba", Relationship.CHILD, LocalDate.of(2019, 5, 1)));

	@Test
	void openingRecordsCaseOpenedWithoutContactDetailsThenThatTheyChanged() {
		Case opened = Case.open("case-1", ANA, CONSENT, LocalDate.of(2026, 3, 2), HOUSEHOLD, NOW);

		assertThat(opened.facts()).singleElement().isEqualTo(opened.pendingEvents().get(0));
		RecordedEvent recorded = opened.pendingEvents().get(0);
		assertThat(recorded.type()).isEqualTo("org.plazo.case.opened.v1");
		assertThat(recorded.recordedAt()).isEqualTo(NOW);
		assertThat(
				new EventCodec().fromJson(EventCatalog.CASE_OPENED, recorded.data().getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new CaseOpened("case-1", LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, null, null, true, 1,
					NOW));
		assertThat(opened.pendingEvents()).extracting(RecordedEvent::type)
			.containsExactly("org.plazo.case.opened.v1", "org.plazo.case.contact-details-changed.v1");
		assertThat(opened.pendingEvents().get(1).data()).doesNotContain("+50760001234");
	}

	@Test
	void openingWithoutContactDetailsRecordsNoChangeOfThem() {
		Applicant nameless = new Applicant(null, "es", null, null, ContactChannel.SMS, true);
		Case opened = Case.open("case-1", nameless, ContactConsent.of(nameless, NOW, "import", "2026-11"),
				LocalDate.of(2026, 3, 2), List.of(), NOW);

		assertThat(opened.pendingEvents()).extracting(RecordedEvent::type).containsExactly("org.plazo.case.opened.v1");
	}

	@Test
	void consentNamesTheChannelsWhenAndThroughWhom() {
		assertThat(CONSENT)
			.isEqualTo(new ContactConsent(true, List.of(ContactChannel.SMS), NOW, "dev-caseworker-ana", "2026-11"));
	}

	@Test
	void caseOpenedCarriesNoNames() {
		Case opened = Case.open("case-1", ANA, CONSENT, LocalDate.of(2026, 3, 2), HOUSEHOLD, NOW);
		assertThat(opened.pendingEvents().get(0).data()).doesNotContain("Prueba");
	}

	@Test
	void eachRecordedEventHasItsOwnId() {
		Case first = Case.open("case-1", ANA, CONSENT, LocalDate.of(2026, 3, 2), HOUSEHOLD, NOW);
		Case second = Case.open("case-2", ANA, CONSENT, LocalDate.of(2026, 3, 2), HOUSEHOLD, NOW);
		assertThat(first.pendingEvents().get(0).eventId()).isNotEqualTo(second.pendingEvents().get(0).eventId());
	}

}
