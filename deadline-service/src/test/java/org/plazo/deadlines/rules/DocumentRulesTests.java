package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.plazo.deadlines.rules.RecourseRulesTests.only;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.plazo.deadlines.calendar.BusinessCalendar;

/**
 * Provisional cards, certificates, refugee documents and bulk extensions: given the
 * facts, when the engine computes, expect these expiries.
 */
class DocumentRulesTests {

	private static final Instant NOW = Instant.parse("2026-01-05T15:00:00Z");

	private static final CaseFacts ADMITTED = CaseFacts.opened("case-1", LocalDate.of(2025, 9, 1))
		.withApplicationFiled(LocalDate.of(2025, 9, 3));

	private final DeadlineEngine engine = DeadlineEngine.standalone(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void provisionalCardWithoutPrintedExpiryIsValidSixMonthsLessADay() {
		CaseFacts facts = ADMITTED.withProvisionalCard("member-1", LocalDate.of(2025, 10, 1), null);

		ComputedDeadline card = only("PROVISIONAL_CARD", compute(facts));

		assertThat(card.deadlineId()).isEqualTo("PROVISIONAL_CARD:member-1");
		assertThat(card.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(card.status()).isEqualTo("OPEN");
		assertThat(card.explanation()).contains(
				"Issued Wed 1 Oct 2025 and valid six months, so until Tue 31 Mar 2026 (estimated: enter the date printed on it).");
		assertThat(card.reminders()).containsExactly(Instant.parse("2026-03-01T13:00:00Z"),
				Instant.parse("2026-03-17T13:00:00Z"), Instant.parse("2026-03-24T13:00:00Z"),
				Instant.parse("2026-03-30T13:00:00Z"));
	}

	@Test
	void eachHouseholdMemberHasTheirOwnCardAndALaterIssueReplacesTheEarlier() {
		CaseFacts facts = ADMITTED.withProvisionalCard("member-1", LocalDate.of(2025, 10, 1), null)
			.withProvisionalCard("member-2", LocalDate.of(2025, 10, 1), LocalDate.of(2026, 4, 1))
			.withProvisionalCard("member-1", LocalDate.of(2026, 3, 20), LocalDate.of(2026, 9, 20))
			.withProvisionalCard("member-1", LocalDate.of(2025, 10, 1), null);

		List<ComputedDeadline> cards = compute(facts).stream()
			.filter((d) -> d.kind().equals("PROVISIONAL_CARD"))
			.toList();

		assertThat(cards).extracting(ComputedDeadline::deadlineId, ComputedDeadline::lastDay)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("PROVISIONAL_CARD:member-1", LocalDate.of(2026, 9, 20)),
					org.assertj.core.groups.Tuple.tuple("PROVISIONAL_CARD:member-2", LocalDate.of(2026, 4, 1)));
	}

	@Test
	void cardExpiringOnSundayIsRenewedByFriday() {
		CaseFacts facts = ADMITTED.withProvisionalCard("member-1", LocalDate.of(2026, 4, 6), LocalDate.of(2026, 10, 4));

		ComputedDeadline card = only("PROVISIONAL_CARD", compute(facts));

		assertThat(card.lastDay()).isEqualTo(LocalDate.of(2026, 10, 4));
		assertThat(card.explanation())
			.contains("Offices are closed on Sun 4 Oct 2026 (Sunday): to be safe, act by Fri 2 Oct 2026, 16:00.");
		assertThat(card.reminders()).last().isEqualTo(Instant.parse("2026-10-01T13:00:00Z"));
	}

	@Test
	void expiredCardWithNoRenewalIsMissedWithAnAlert() {
		CaseFacts facts = ADMITTED.withProvisionalCard("member-1", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 12, 1));

		ComputedDeadline card = only("PROVISIONAL_CARD", compute(facts));

		assertThat(card.status()).isEqualTo("MISSED");
		assertThat(card.alert()).isTrue();
		assertThat(card.reminders()).isEmpty();
	}

	@Test
	void bulkExtensionByResolutionExtendsCardsExpiringInItsRange() {
		CaseFacts facts = ADMITTED.withProvisionalCard("member-1", LocalDate.of(2019, 10, 1), LocalDate.of(2020, 4, 1))
			.withProvisionalCard("member-2", LocalDate.of(2019, 12, 1), LocalDate.of(2020, 6, 1));
		BulkExtension p09520 = new BulkExtension("x-1", "P-095-20", Set.of(DeadlineKind.PROVISIONAL_CARD),
				LocalDate.of(2020, 3, 15), LocalDate.of(2020, 5, 14), LocalDate.of(2020, 5, 15));

		List<ComputedDeadline> deadlines = this.engine.compute(facts, BusinessCalendar.statutory(), List.of(p09520),
				Instant.parse("2020-03-20T15:00:00Z"));

		ComputedDeadline extended = deadlines.stream()
			.filter((d) -> d.deadlineId().equals("PROVISIONAL_CARD:member-1"))
			.findFirst()
			.orElseThrow();
		assertThat(extended.lastDay()).isEqualTo(LocalDate.of(2020, 5, 15));
		assertThat(extended.explanation()).contains(
				"Extended to Fri 15 May 2020 by ONPAR resolution P-095-20 (documents expiring Sun 15 Mar 2020 to Thu 14 May 2020).");
		ComputedDeadline untouched = deadlines.stream()
			.filter((d) -> d.deadlineId().equals("PROVISIONAL_CARD:member-2"))
			.findFirst()
			.orElseThrow();
		assertThat(untouched.lastDay()).isEqualTo(LocalDate.of(2020, 6, 1));
	}

	@Test
	void oneBulkExtensionCanCarryACardIntoTheNext() {
		CaseFacts facts = ADMITTED.withCertificate(LocalDate.of(2019, 10, 1), LocalDate.of(2020, 4, 1));
		BulkExtension first = new BulkExtension("x-1", "P-095-20", Set.of(DeadlineKind.ASYLUM_CERTIFICATE),
				LocalDate.of(2020, 3, 15), LocalDate.of(2020, 5, 14), LocalDate.of(2020, 5, 15));
		BulkExtension second = new BulkExtension("x-2", "P-120-20", Set.of(DeadlineKind.ASYLUM_CERTIFICATE),
				LocalDate.of(2020, 5, 15), LocalDate.of(2020, 7, 14), LocalDate.of(2020, 7, 15));

		ComputedDeadline certificate = only("ASYLUM_CERTIFICATE", this.engine.compute(facts,
				BusinessCalendar.statutory(), List.of(second, first), Instant.parse("2020-03-20T15:00:00Z")));

		assertThat(certificate.lastDay()).isEqualTo(LocalDate.of(2020, 7, 15));
	}

	@Test
	void bulkExtensionLeavesOtherDocumentKindsAlone() {
		CaseFacts facts = ADMITTED.withCertificate(LocalDate.of(2019, 10, 1), LocalDate.of(2020, 4, 1));
		BulkExtension cardsOnly = new BulkExtension("x-1", "P-095-20", Set.of(DeadlineKind.PROVISIONAL_CARD),
				LocalDate.of(2020, 3, 15), LocalDate.of(2020, 5, 14), LocalDate.of(2020, 5, 15));

		ComputedDeadline certificate = only("ASYLUM_CERTIFICATE", this.engine.compute(facts,
				BusinessCalendar.statutory(), List.of(cardsOnly), Instant.parse("2020-03-20T15:00:00Z")));

		assertThat(certificate.lastDay()).isEqualTo(LocalDate.of(2020, 4, 1));
	}

	@Test
	void certificateWithoutValidityHasNoDeadline() {
		CaseFacts facts = ADMITTED.withCertificate(LocalDate.of(2025, 9, 3), null);

		assertThat(compute(facts)).extracting(ComputedDeadline::kind).doesNotContain("ASYLUM_CERTIFICATE");
	}

	@Test
	void refugeeStatusCancelsTheAsylumSeekersDocuments() {
		CaseFacts facts = ADMITTED.withCertificate(LocalDate.of(2025, 9, 3), LocalDate.of(2026, 3, 3))
			.withProvisionalCard("member-1", LocalDate.of(2025, 10, 1), null)
			.withRefugeeStatusGranted(LocalDate.of(2025, 12, 1));

		List<ComputedDeadline> deadlines = compute(facts);

		assertThat(only("ASYLUM_CERTIFICATE", deadlines).status()).isEqualTo("CANCELLED");
		assertThat(only("PROVISIONAL_CARD", deadlines).status()).isEqualTo("CANCELLED");
		assertThat(only("PROVISIONAL_CARD", deadlines).reminders()).isEmpty();
	}

	@Test
	void refugeeCardWorkPermitAndTravelDocumentRunOneYear() {
		CaseFacts facts = ADMITTED.withRefugeeStatusGranted(LocalDate.of(2026, 5, 20))
			.withRefugeeCard(LocalDate.of(2026, 6, 1), null)
			.withTravelDocument(LocalDate.of(2026, 6, 1), null);

		List<ComputedDeadline> deadlines = compute(facts);

		assertThat(only("REFUGEE_CARD", deadlines).lastDay()).isEqualTo(LocalDate.of(2027, 5, 31));
		assertThat(only("WORK_PERMIT", deadlines).lastDay()).isEqualTo(LocalDate.of(2027, 5, 31));
		assertThat(only("WORK_PERMIT", deadlines).explanation()).anyMatch((line) -> line.contains("same period"));
		assertThat(only("REFUGEE_TRAVEL_DOCUMENT", deadlines).lastDay()).isEqualTo(LocalDate.of(2027, 5, 31));
	}

	@Test
	void permanentResidenceIsInformationThreeYearsAfterRecognition() {
		CaseFacts facts = ADMITTED.withRefugeeStatusGranted(LocalDate.of(2026, 6, 1));

		ComputedDeadline residence = only("PERMANENT_RESIDENCE", compute(facts));

		assertThat(residence.status()).isEqualTo("INFO");
		assertThat(residence.lastDay()).isEqualTo(LocalDate.of(2029, 6, 1));
		assertThat(residence.reminders()).isEmpty();
	}

	private List<ComputedDeadline> compute(CaseFacts facts) {
		return this.engine.compute(facts, BusinessCalendar.statutory());
	}

}
