package org.plazo.cases.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseAssigned;
import org.plazo.events.cases.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AssignmentTests {

	static final Instant NOW = CaseTests.NOW;

	static final Assignment.Consent CONSENT = new Assignment.Consent(
			List.of(SharedData.PROCEDURAL_EVENTS, SharedData.CONTACT_DETAILS), Instant.parse("2026-03-10T14:30:00Z"),
			"caseworker-17", "2026-03");

	private final EventCodec codec = new EventCodec();

	@Test
	void assigningRecordsCaseAssignedWithTheConsentInTheOutboxButNotAmongTheFacts() {
		Case aCase = anasCase();

		Case.Assigned assigned = aCase.assign("assignment-1", "ngo-1", CONSENT, NOW);

		assertThat(aCase.assignments()).containsExactly(assigned.assignment());
		assertThat(assigned.assignment().active()).isTrue();
		assertThat(aCase.pendingEvents()).endsWith(assigned.event());
		assertThat(aCase.facts()).doesNotContain(assigned.event());
		CaseAssigned event = this.codec.fromJson(EventCatalog.CASE_ASSIGNED,
				assigned.event().data().getBytes(StandardCharsets.UTF_8));
		assertThat(event).isEqualTo(new CaseAssigned("case-1", "assignment-1", "ngo-1",
				List.of(SharedData.PROCEDURAL_EVENTS, SharedData.CONTACT_DETAILS),
				Instant.parse("2026-03-10T14:30:00Z"), "caseworker-17", "2026-03", NOW));
		assertThat(assigned.event().data()).doesNotContain("Prueba", "+50760001234");
	}

	@Test
	void refusesASecondLinkToTheSameOrganisationWhileTheFirstHolds() {
		Case aCase = anasCase();
		aCase.assign("assignment-1", "ngo-1", CONSENT, NOW);

		assertThatExceptionOfType(AlreadyAssignedException.class)
			.isThrownBy(() -> aCase.assign("assignment-2", "ngo-1", CONSENT, NOW));
		aCase.assign("assignment-3", "ngo-2", CONSENT, NOW);
		assertThat(aCase.assignments()).hasSize(2);
	}

	@Test
	void revokingEndsTheLinkWithoutForgettingItAndRecordsAssignmentRevoked() {
		Case aCase = anasCase();
		aCase.assign("assignment-1", "ngo-1", CONSENT, NOW);
		Instant later = NOW.plusSeconds(3600);

		Case.Assigned revoked = aCase.revoke("assignment-1", later).orElseThrow();

		assertThat(revoked.assignment().revokedAt()).isEqualTo(later);
		assertThat(revoked.assignment().active()).isFalse();
		assertThat(revoked.assignment().consent()).isEqualTo(CONSENT);
		assertThat(aCase.assignments()).containsExactly(revoked.assignment());
		assertThat(this.codec.fromJson(EventCatalog.ASSIGNMENT_REVOKED,
				revoked.event().data().getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new AssignmentRevoked("case-1", "assignment-1", "ngo-1", later));
		// Revoked, the organisation may be linked again with a new consent.
		aCase.assign("assignment-2", "ngo-1", CONSENT, later);
	}

	@Test
	void revokingTwiceRecordsNothingTheSecondTime() {
		Case aCase = anasCase();
		aCase.assign("assignment-1", "ngo-1", CONSENT, NOW);
		aCase.revoke("assignment-1", NOW);
		int pending = aCase.pendingEvents().size();

		assertThat(aCase.revoke("assignment-1", NOW)).isEmpty();
		assertThat(aCase.pendingEvents()).hasSize(pending);
	}

	@Test
	void revokingAnUnknownLinkIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> anasCase().revoke("no-such-assignment", NOW));
	}

	private static Case anasCase() {
		return Case.open("case-1", CaseTests.ANA, CaseTests.CONSENT, LocalDate.of(2026, 3, 2), CaseTests.HOUSEHOLD,
				NOW);
	}

}
