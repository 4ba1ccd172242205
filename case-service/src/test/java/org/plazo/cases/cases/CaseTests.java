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

	static final List<HouseholdMember> HOUSEHOLD = List
		.of(new HouseholdMember("member-1", "Luis Prueba", Relationship.CHILD, LocalDate.of(2019, 5, 1)));

	@Test
	void openingRecordsCaseOpenedAsAFactAndAsAPendingEvent() {
		Case opened = Case.open("case-1", ANA, LocalDate.of(2026, 3, 2), HOUSEHOLD, NOW);

		assertThat(opened.pendingEvents()).singleElement().isEqualTo(opened.facts().get(0));
		RecordedEvent recorded = opened.pendingEvents().get(0);
		assertThat(recorded.type()).isEqualTo("org.plazo.case.opened.v1");
		assertThat(recorded.recordedAt()).isEqualTo(NOW);
		assertThat(
				new EventCodec().fromJson(EventCatalog.CASE_OPENED, recorded.data().getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new CaseOpened("case-1", LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, "+50760001234",
					null, true, 1, NOW));
	}

	@Test
	void caseOpenedCarriesNoNames() {
		Case opened = Case.open("case-1", ANA, LocalDate.of(2026, 3, 2), HOUSEHOLD, NOW);
		assertThat(opened.pendingEvents().get(0).data()).doesNotContain("Prueba");
	}

	@Test
	void eachRecordedEventHasItsOwnId() {
		Case first = Case.open("case-1", ANA, LocalDate.of(2026, 3, 2), HOUSEHOLD, NOW);
		Case second = Case.open("case-2", ANA, LocalDate.of(2026, 3, 2), HOUSEHOLD, NOW);
		assertThat(first.pendingEvents().get(0).eventId()).isNotEqualTo(second.pendingEvents().get(0).eventId());
	}

}
