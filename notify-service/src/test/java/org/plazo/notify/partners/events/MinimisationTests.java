package org.plazo.notify.partners.events;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.EventType;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.notifications.SelfRegistrationConfirmed;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class MinimisationTests {

	private final EventCodec codec = new EventCodec();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyEventTypeWasReviewedForPartners() {
		// A new type reaches partners only once someone decided which of its fields may.
		assertThat(EventCatalog.ALL).extracting(EventType::name)
			.allSatisfy(
					(type) -> assertThat(Minimisation.relayed(type) || Minimisation.WITHHELD.contains(type)).as(type)
						.isTrue());
		assertThat(Minimisation.WITHHELD).noneMatch(Minimisation::relayed);
	}

	@Test
	void noAllowListLetsContactDetailsOrNamesThrough() {
		assertThat(Minimisation.SHARED.values()).allSatisfy((fields) -> assertThat(fields).doesNotContain("phone",
				"email", "name", "applicantName", "caseId", "consentObtainedBy"));
	}

	@Test
	void keepsOnlyTheAllowedFieldsOfACaseOpened() {
		CaseOpened opened = new CaseOpened("case-1", LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, "+50760001234",
				"ana.prueba@example.org", true, 1, Instant.parse("2026-03-02T15:00:00Z"));

		ObjectNode kept = Minimisation.keep("org.plazo.case.opened.v1", this.json.readTree(this.codec.toJson(opened)))
			.orElseThrow();

		assertThat(kept.propertyNames()).containsExactlyInAnyOrder("arrivalDate", "preferredLanguage",
				"preferredChannel", "householdSize", "openedAt");
		assertThat(kept.toString()).doesNotContain("+50760001234", "ana.prueba");
	}

	@Test
	void dropsThePhoneASelfRegistrationCameFrom() {
		SelfRegistrationConfirmed confirmed = new SelfRegistrationConfirmed("case-1", "+50760001234",
				LocalDate.of(2026, 3, 15), "es", Instant.parse("2026-03-15T15:00:00Z"));

		assertThat(Minimisation
			.keep("org.plazo.notification.self-registration-confirmed.v1",
					this.json.readTree(this.codec.toJson(confirmed)))
			.orElseThrow()
			.toString()).doesNotContain("50760001234");
	}

	@Test
	void aTypePartnersDoNotKnowIsNotRelayed() {
		assertThat(Minimisation.keep("org.plazo.case.teleported.v1", this.json.createObjectNode())).isEmpty();
	}

}
