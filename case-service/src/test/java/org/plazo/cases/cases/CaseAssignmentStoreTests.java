package org.plazo.cases.cases;

import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The conditional updates that store links, on the MongoDB-wire stand-in.
 */
class CaseAssignmentStoreTests {

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private MongoClient client;

	private MongoTemplate mongo;

	private CaseEventAppendsImpl appends;

	@BeforeEach
	void start() {
		this.client = MongoClients.create(this.server.bindAndGetConnectionString());
		this.mongo = new MongoTemplate(this.client, "assignment-tests");
		this.appends = new CaseEventAppendsImpl(this.mongo);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void storesALinkWithItsEventInOneWrite() {
		Case aCase = stored();

		this.appends.assign(aCase, aCase.assign("assignment-1", "ngo-1", AssignmentTests.CONSENT, CaseTests.NOW));

		Case read = read();
		assertThat(read.assignments()).singleElement().satisfies((assignment) -> {
			assertThat(assignment.ngoId()).isEqualTo("ngo-1");
			assertThat(assignment.consent()).isEqualTo(AssignmentTests.CONSENT);
			assertThat(assignment.active()).isTrue();
		});
		assertThat(read.pendingEvents()).extracting((event) -> event.type())
			.containsExactly("org.plazo.case.opened.v1", "org.plazo.case.contact-details-changed.v1",
					"org.plazo.case.assigned.v1");
		assertThat(read.facts()).hasSize(1);
	}

	@Test
	void refusesALinkRacingAnotherToTheSameOrganisation() {
		// Two requests read the case before either wrote.
		Case first = stored();
		Case second = read();
		this.appends.assign(first, first.assign("assignment-1", "ngo-1", AssignmentTests.CONSENT, CaseTests.NOW));

		assertThatExceptionOfType(AlreadyAssignedException.class).isThrownBy(() -> this.appends.assign(second,
				second.assign("assignment-2", "ngo-1", AssignmentTests.CONSENT, CaseTests.NOW)));
		this.appends.assign(second, second.assign("assignment-3", "ngo-2", AssignmentTests.CONSENT, CaseTests.NOW));
		assertThat(read().assignments()).extracting(Assignment::assignmentId)
			.containsExactly("assignment-1", "assignment-3");
	}

	@Test
	void endsOnlyTheLinkNamedAndOnlyOnce() {
		Case aCase = stored();
		this.appends.assign(aCase, aCase.assign("assignment-1", "ngo-1", AssignmentTests.CONSENT, CaseTests.NOW));
		this.appends.assign(aCase, aCase.assign("assignment-2", "ngo-2", AssignmentTests.CONSENT, CaseTests.NOW));
		Case first = read();
		Case second = read();

		assertThat(
				this.appends.revoke(first, first.revoke("assignment-2", CaseTests.NOW.plusSeconds(60)).orElseThrow()))
			.isTrue();
		assertThat(
				this.appends.revoke(second, second.revoke("assignment-2", CaseTests.NOW.plusSeconds(61)).orElseThrow()))
			.isFalse();

		Case read = read();
		assertThat(read.assignment("assignment-1").orElseThrow().active()).isTrue();
		assertThat(read.assignment("assignment-2").orElseThrow().revokedAt()).isEqualTo(CaseTests.NOW.plusSeconds(60));
		assertThat(read.pendingEvents()).extracting((event) -> event.type())
			.containsExactly("org.plazo.case.opened.v1", "org.plazo.case.contact-details-changed.v1",
					"org.plazo.case.assigned.v1", "org.plazo.case.assigned.v1", "org.plazo.case.assignment-revoked.v1");
	}

	@Test
	void aLinkToAnUnknownCaseIsNotFound() {
		Case never = Case.open("no-such-case", CaseTests.ANA, CaseTests.CONSENT, LocalDate.of(2026, 3, 2), List.of(),
				CaseTests.NOW);

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.appends.assign(never,
				never.assign("assignment-1", "ngo-1", AssignmentTests.CONSENT, CaseTests.NOW)));
	}

	private Case stored() {
		Case aCase = Case.open("case-1", CaseTests.ANA, CaseTests.CONSENT, LocalDate.of(2026, 3, 2),
				CaseTests.HOUSEHOLD, CaseTests.NOW);
		this.mongo.insert(aCase);
		return read();
	}

	private Case read() {
		return this.mongo.findById("case-1", Case.class);
	}

}
