package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.rules.CaseFacts.DecisionOutcome;
import org.plazo.deadlines.rules.CaseFacts.InterviewKind;
import org.plazo.deadlines.rules.CaseFacts.ResolutionOutcome;

import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

class CaseFactsTests {

	private static final CaseFacts FULL = CaseFacts.opened("case-1", LocalDate.of(2025, 9, 1))
		.withApplicationFiled(LocalDate.of(2025, 9, 3))
		.withCertificate(LocalDate.of(2025, 9, 3), LocalDate.of(2026, 3, 3))
		.withInterview("i-1", InterviewKind.REGISTRATION, LocalDate.of(2025, 10, 6), LocalTime.of(9, 30))
		.withProvisionalCard("member-1", LocalDate.of(2025, 11, 1), null)
		.withResolution("R-1", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 13))
		.withReconsiderationFiled(LocalDate.of(2026, 2, 19))
		.withReconsiderationDecided(DecisionOutcome.DENIED, LocalDate.of(2026, 3, 6))
		.withAppealFiled(LocalDate.of(2026, 3, 10))
		.withClosed(LocalDate.of(2026, 6, 1), "withdrawn");

	@Test
	void rescheduledInterviewReplacesTheOneWithTheSameId() {
		CaseFacts facts = FULL.withInterview("i-1", InterviewKind.REGISTRATION, LocalDate.of(2025, 10, 8), null)
			.withInterview("i-2", InterviewKind.EXTENSION, LocalDate.of(2025, 12, 1), null);

		assertThat(facts.interviews()).extracting(CaseFacts.Interview::id, CaseFacts.Interview::date)
			.containsExactlyInAnyOrder(tuple("i-1", LocalDate.of(2025, 10, 8)),
					tuple("i-2", LocalDate.of(2025, 12, 1)));
	}

	@Test
	void olderCardArrivingLateDoesNotReplaceTheNewerOne() {
		CaseFacts facts = FULL.withProvisionalCard("member-1", LocalDate.of(2026, 4, 20), null)
			.withProvisionalCard("member-1", LocalDate.of(2025, 11, 1), null);

		assertThat(facts.provisionalCards()).singleElement()
			.satisfies((card) -> assertThat(card.issuedOn()).isEqualTo(LocalDate.of(2026, 4, 20)));
	}

	@Test
	void resolutionsAreKeptInTheOrderNotifiedAndCorrectedById() {
		CaseFacts facts = FULL.withResolution("R-0", ResolutionOutcome.ADMITTED, LocalDate.of(2025, 12, 1))
			.withResolution("R-1", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 12));

		assertThat(facts.resolutions()).extracting(CaseFacts.Resolution::id).containsExactly("R-0", "R-1");
		assertThat(facts.resolutions().get(1).notifiedOn()).isEqualTo(LocalDate.of(2026, 2, 12));
	}

	@Test
	void filingAndDecisionOfARecourseAreKeptTogether() {
		assertThat(FULL.reconsideration().filedOn()).isEqualTo(LocalDate.of(2026, 2, 19));
		assertThat(FULL.reconsideration().decision().outcome()).isEqualTo(DecisionOutcome.DENIED);
		assertThat(FULL.appeal().decision()).isNull();
	}

	@Test
	void survivesTheMongoMappingItIsStoredWith() {
		MongoMappingContext context = new MongoMappingContext();
		MongoCustomConversions conversions = new MongoCustomConversions(List.of());
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		Document stored = new Document();

		converter.write(FULL, stored);

		assertThat(converter.read(CaseFacts.class, stored)).isEqualTo(FULL);
	}

}
