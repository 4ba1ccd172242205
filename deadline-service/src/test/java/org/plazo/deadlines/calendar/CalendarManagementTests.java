package org.plazo.deadlines.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.support.EmbeddedMongo;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/**
 * Closures stored in the {@code closures} collection (on the MongoDB stand-in), cached
 * for the engine, and announced as {@link CalendarChanged}.
 */
class CalendarManagementTests {

	private MongoClient client;

	private MongoTemplate mongo;

	private final List<Object> published = new ArrayList<>();

	private CalendarManagement calendars;

	@BeforeEach
	void storage() {
		this.client = MongoClients.create(EmbeddedMongo.uri("calendar-management-tests"));
		this.mongo = new MongoTemplate(this.client, "calendar-management-tests");
		this.mongo.dropCollection("closures");
		this.calendars = newManagement();
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void addedClosureIsStoredCachedAndAnnounced() {
		Closure closure = this.calendars.add(LocalDate.of(2026, 2, 16), ClosureKind.CLOSURE, "Carnival Monday",
				"Decreto Ejecutivo 3 de 2026");

		assertThat(this.mongo.getCollection("closures").countDocuments()).isEqualTo(1);
		assertThat(this.mongo.getCollection("closures").find().first().getString("date")).isEqualTo("2026-02-16");
		assertThat(this.calendars.current().operatorDay(LocalDate.of(2026, 2, 16))).isPresent();
		assertThat(this.calendars.closures()).containsExactly(closure);
		assertThat(this.published)
			.containsExactly(new CalendarChanged(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 16)));
	}

	@Test
	void anotherInstanceLoadsTheStoredClosures() {
		this.calendars.add(LocalDate.of(2026, 11, 4), ClosureKind.OBSERVANCE, "Flag Day", "Custom");

		CalendarManagement restarted = newManagement();

		assertThat(restarted.current().describe(LocalDate.of(2026, 11, 4)))
			.hasValueSatisfying((day) -> assertThat(day.kind()).isEqualTo(DayKind.OBSERVANCE));
	}

	@Test
	void removedClosureLeavesTheCalendarAndIsAnnounced() {
		Closure closure = this.calendars.add(LocalDate.of(2026, 2, 16), ClosureKind.CLOSURE, "Carnival Monday",
				"Decreto Ejecutivo 3 de 2026");
		this.published.clear();

		assertThat(this.calendars.remove(closure.id())).isTrue();

		assertThat(this.calendars.current().operatorDay(LocalDate.of(2026, 2, 16))).isEmpty();
		assertThat(this.published)
			.containsExactly(new CalendarChanged(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 16)));
	}

	@Test
	void removingAnUnknownClosureChangesNothing() {
		assertThat(this.calendars.remove("nope")).isFalse();
		assertThat(this.published).isEmpty();
	}

	private CalendarManagement newManagement() {
		Closures closures = new MongoRepositoryFactory(this.mongo).getRepository(Closures.class);
		return new CalendarManagement(closures, this.published::add);
	}

}
