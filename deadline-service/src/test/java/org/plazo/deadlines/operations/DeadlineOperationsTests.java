package org.plazo.deadlines.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.reminders.Reminder;
import org.plazo.deadlines.reminders.Reminder.Purpose;
import org.plazo.deadlines.rules.DeadlineKind;
import org.plazo.deadlines.support.EmbeddedMongo;
import org.plazo.deadlines.support.MovableClock;
import org.plazo.deadlines.support.TestTokens;
import org.plazo.events.Topics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations queries in the whole service, on the MongoDB wire-protocol stand-in,
 * with invented cases stored as tracking and the reminder store store them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = { Topics.CASE_EVENTS, Topics.DEADLINE_EVENTS },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DeadlineOperationsTests {

	/** Tuesday 1 September 2026, 10:00 in Panama. */
	static final Instant NOW = Instant.parse("2026-09-01T15:00:00Z");

	@Autowired
	MongoOperations mongo;

	@Autowired
	DeadlineOperations operations;

	@Autowired
	MockMvcTester mvc;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("plazo-deadlines-operations"));
	}

	@BeforeEach
	void invent() {
		this.mongo.dropCollection(DeadlineOperations.CASE_DEADLINES);
		this.mongo.dropCollection(Reminder.class);
		this.mongo.getCollection(DeadlineOperations.CASE_DEADLINES)
			.insertMany(List.of(
					caseOf("case-appeal", deadline("case-appeal:APPEAL", "APPEAL", "2026-09-03", "OPEN"),
							deadline("case-appeal:WORK_PERMIT", "WORK_PERMIT", "2026-12-01", "OPEN")),
					caseOf("case-card",
							deadline("case-card:PROVISIONAL_CARD", "PROVISIONAL_CARD", "2026-09-02", "OPEN"),
							deadline("case-card:FILING_WINDOW", "FILING_WINDOW", "2026-06-01", "MET")),
					caseOf("case-late", deadline("case-late:FILING_WINDOW", "FILING_WINDOW", "2026-08-20", "MISSED"),
							deadline("case-late:RECONSIDERATION", "RECONSIDERATION", "2026-09-04", "CANCELLED")),
					caseOf("case-unchecked",
							deadline("case-unchecked:FILING_WINDOW", "FILING_WINDOW", "2026-08-31", "OPEN"))));
		this.mongo
			.insertAll(List.of(reminder("case-appeal", "case-appeal:APPEAL", Purpose.REMIND, "2026-09-02T13:00:00Z"),
					reminder("case-appeal", "case-appeal:APPEAL", Purpose.REMIND, "2026-09-01T20:00:00Z"),
					reminder("case-appeal", "case-appeal:APPEAL", Purpose.EXPIRE, "2026-09-03T21:00:00Z"),
					reminder("case-card", "case-card:PROVISIONAL_CARD", Purpose.REMIND, "2026-09-02T04:30:00Z"),
					reminder("case-card", "case-card:PROVISIONAL_CARD", Purpose.REMIND, "2026-10-15T13:00:00Z")));
	}

	@Test
	void listsOpenDeadlinesOfTheNextWeekSoonestFirstWithFiveDayTermsCritical() {
		List<DeadlineOperations.UpcomingDeadline> upcoming = this.operations.upcoming(java.time.Duration.ofDays(7));

		assertThat(upcoming).extracting(DeadlineOperations.UpcomingDeadline::deadlineId)
			.containsExactly("case-card:PROVISIONAL_CARD", "case-appeal:APPEAL");
		assertThat(upcoming.get(1).critical()).isTrue();
		assertThat(upcoming.get(0).critical()).isFalse();
		assertThat(upcoming.get(1).dueDate()).isEqualTo(LocalDate.of(2026, 9, 3));
		// 3 September 16:00 in Panama is 2 days and 6 hours after 1 September 10:00.
		assertThat(upcoming.get(1).timeLeftSeconds()).isEqualTo((2 * 24 + 6) * 3600);
	}

	@Test
	void listsFilingWindowsThatClosedWithNothingFiled() {
		assertThat(this.operations.missed(DeadlineKind.FILING_WINDOW))
			.extracting(DeadlineOperations.MissedDeadline::caseId, DeadlineOperations.MissedDeadline::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("case-unchecked", "OPEN"),
					org.assertj.core.groups.Tuple.tuple("case-late", "MISSED"));
	}

	@Test
	void listsACasesRemindersByFireTime() {
		assertThat(this.operations.reminders("case-appeal")).extracting(DeadlineOperations.CaseReminder::fireAt)
			.containsExactly(Instant.parse("2026-09-01T20:00:00Z"), Instant.parse("2026-09-02T13:00:00Z"),
					Instant.parse("2026-09-03T21:00:00Z"));
		assertThat(this.operations.reminders("case-nobody")).isEmpty();
	}

	@Test
	void countsRemindersToPeoplePerPanamaDayWithZeros() {
		List<DeadlineOperations.DayCount> perDay = this.operations.duePerDay(3);

		// 04:30 UTC on 2 September is still 1 September in Panama; expiry checks do not
		// count.
		assertThat(perDay).containsExactly(new DeadlineOperations.DayCount(LocalDate.of(2026, 9, 1), 2),
				new DeadlineOperations.DayCount(LocalDate.of(2026, 9, 2), 1),
				new DeadlineOperations.DayCount(LocalDate.of(2026, 9, 3), 0));
	}

	@Test
	void answersOverHttpWithAnOperatorOrViewerTokenOnly() {
		MvcTestResult refused = this.mvc.get().uri("/api/v1/operations/cases/case-appeal/reminders").exchange();
		MvcTestResult answered = this.mvc.get()
			.uri("/api/v1/operations/cases/case-appeal/reminders")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.viewer()))
			.exchange();

		assertThat(refused).hasStatus(401);
		assertThat(answered).hasStatusOk();
		assertThat(answered).bodyJson().extractingPath("$[0].fireAt").isEqualTo("2026-09-01T20:00:00Z");
		assertThat(answered).bodyJson().extractingPath("$[0].status").isEqualTo("PENDING");
	}

	private static Document caseOf(String caseId, Document... deadlines) {
		return new Document("_id", caseId).append("deadlines", List.of(deadlines));
	}

	/**
	 * As tracking stores a deadline: the last day at midnight UTC, closing at 16:00
	 * Panama.
	 */
	private static Document deadline(String deadlineId, String kind, String lastDay, String status) {
		LocalDate day = LocalDate.parse(lastDay);
		return new Document("deadlineId", deadlineId).append("kind", kind)
			.append("legalBasis", "Decreto Ejecutivo 5 de 2018")
			.append("lastDay", Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.append("dueAt", Date.from(day.atTime(21, 0).toInstant(ZoneOffset.UTC)))
			.append("status", status);
	}

	private static Reminder reminder(String caseId, String deadlineId, Purpose purpose, String fireAt) {
		return Reminder.pending(caseId, deadlineId, deadlineId.substring(deadlineId.indexOf(':') + 1), purpose,
				LocalDate.of(2026, 9, 3), Instant.parse("2026-09-03T21:00:00Z"), "Decreto Ejecutivo 5 de 2018",
				Instant.parse(fireAt));
	}

	@TestConfiguration
	static class TestClock {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(NOW);
		}

	}

}
