package org.plazo.deadlines.security;

import java.time.Instant;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.support.EmbeddedMongo;
import org.plazo.events.cases.CaseworkerAssigned;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class CaseAssignmentsTests {

	static final Instant MONDAY = Instant.parse("2026-03-02T15:00:00Z");

	private MongoClient client;

	private CaseAssignments assignments;

	@BeforeEach
	void store() {
		String uri = EmbeddedMongo.uri("plazo-deadlines-access");
		this.client = MongoClients.create(uri);
		MongoTemplate mongo = new MongoTemplate(this.client, "plazo-deadlines-access");
		mongo.dropCollection(CaseAssignments.COLLECTION);
		this.assignments = new CaseAssignments(mongo);
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void keepsTheLatestAssignmentWhateverOrderTheyArriveIn() {
		this.assignments.assign(new CaseworkerAssigned("case-1", "ben", MONDAY.plusSeconds(60)));
		this.assignments.assign(new CaseworkerAssigned("case-1", "ana", MONDAY));
		this.assignments.assign(new CaseworkerAssigned("case-1", "ben", MONDAY.plusSeconds(60)));

		assertThat(this.assignments.isAssignedTo("case-1", "ben")).isTrue();
		assertThat(this.assignments.isAssignedTo("case-1", "ana")).isFalse();

		this.assignments.assign(new CaseworkerAssigned("case-1", "ana", MONDAY.plusSeconds(120)));
		assertThat(this.assignments.isAssignedTo("case-1", "ana")).isTrue();
		assertThat(this.assignments.isAssignedTo("case-1", "ben")).isFalse();
	}

	@Test
	void forgetsAnErasedCaseAndAnUnknownOneIsNobodys() {
		this.assignments.assign(new CaseworkerAssigned("case-2", "ana", MONDAY));

		this.assignments.forget("case-2");
		this.assignments.forget("case-2");

		assertThat(this.assignments.isAssignedTo("case-2", "ana")).isFalse();
		assertThat(this.assignments.isAssignedTo("case-unknown", "ana")).isFalse();
		assertThat(this.assignments.isAssignedTo("case-unknown", null)).isFalse();
	}

}
