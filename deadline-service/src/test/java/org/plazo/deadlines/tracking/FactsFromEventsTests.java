package org.plazo.deadlines.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.lang.reflect.RecordComponent;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.deadlines.rules.CaseFacts;
import org.plazo.events.EventCatalog;
import org.plazo.events.cases.AppealFiled;
import org.plazo.events.cases.CaseEvent;
import org.plazo.events.cases.CaseOpened;
import org.plazo.events.cases.CaseworkerAssigned;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.cases.ContactDetailsChanged;
import org.plazo.events.cases.InterviewKind;
import org.plazo.events.cases.InterviewScheduled;
import org.plazo.events.cases.PersonErased;
import org.plazo.events.cases.ResolutionNotified;
import org.plazo.events.cases.ResolutionOutcome;

import static org.assertj.core.api.Assertions.assertThat;

class FactsFromEventsTests {

	@Test
	void everyCaseEventTypeIsHandled() throws Exception {
		assertThat(CaseEvent.class.getPermittedSubclasses()).hasSameSizeAs(EventCatalog.CASE_TYPES);
		for (Class<?> type : CaseEvent.class.getPermittedSubclasses()) {
			CaseEvent event = (CaseEvent) sample(type);
			assertThat(FactsFromEvents.apply(null, event)).as(type.getSimpleName()).isNotNull();
		}
	}

	/** An instance of any case event record, with plausible values for each component. */
	private static Object sample(Class<?> type) throws Exception {
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
			values[i] = valueOf(types[i]);
		}
		return type.getDeclaredConstructor(types).newInstance(values);
	}

	private static Object valueOf(Class<?> type) {
		if (type == String.class) {
			return "c1";
		}
		if (type == LocalDate.class) {
			return LocalDate.of(2026, 3, 2);
		}
		if (type == LocalTime.class) {
			return LocalTime.of(9, 0);
		}
		if (type == Instant.class) {
			return Instant.parse("2026-03-02T15:00:00Z");
		}
		if (type == int.class) {
			return 0;
		}
		if (type == boolean.class) {
			return true;
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0];
		}
		if (type == List.class) {
			return List.of();
		}
		throw new IllegalArgumentException("No sample value for " + type);
	}

	@Test
	void caseworkerContactAndErasureEventsChangeNoFact() {
		CaseFacts facts = FactsFromEvents.apply(null, new CaseOpened("c1", LocalDate.of(2026, 3, 2), "es",
				ContactChannel.SMS, null, null, true, 0, Instant.parse("2026-03-02T15:00:00Z")));

		assertThat(FactsFromEvents.apply(facts,
				new CaseworkerAssigned("c1", "dev-caseworker-ana", Instant.parse("2026-03-03T15:00:00Z"))))
			.isEqualTo(facts);
		assertThat(FactsFromEvents.apply(facts, new ContactDetailsChanged("c1", Instant.parse("2026-03-03T15:00:00Z"))))
			.isEqualTo(facts);
		assertThat(FactsFromEvents.apply(facts, new PersonErased("c1", Instant.parse("2026-03-04T15:00:00Z"))))
			.isEqualTo(facts);
	}

	@Test
	void foldsEventsIntoFacts() {
		CaseFacts facts = FactsFromEvents.apply(null, new CaseOpened("c1", LocalDate.of(2026, 3, 2), "es",
				ContactChannel.SMS, "+50760001234", null, true, 0, Instant.parse("2026-03-02T15:00:00Z")));
		facts = FactsFromEvents.apply(facts, new InterviewScheduled("c1", "i1", InterviewKind.REGISTRATION,
				LocalDate.of(2026, 4, 7), LocalTime.of(9, 30)));
		facts = FactsFromEvents.apply(facts,
				new ResolutionNotified("c1", "R-1", ResolutionOutcome.REJECTED, LocalDate.of(2026, 2, 13)));
		facts = FactsFromEvents.apply(facts, new AppealFiled("c1", LocalDate.of(2026, 3, 1)));

		assertThat(facts.arrivalDate()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(facts.interviews()).singleElement()
			.satisfies((i) -> assertThat(i.time()).isEqualTo(LocalTime.of(9, 30)));
		assertThat(facts.resolutions()).singleElement()
			.satisfies((r) -> assertThat(r.outcome()).isEqualTo(CaseFacts.ResolutionOutcome.REJECTED));
		assertThat(facts.appeal().filedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
	}

	@Test
	void aLateCopyOfCaseOpenedDoesNotUndoACorrectedArrival() {
		CaseOpened opened = new CaseOpened("c1", LocalDate.of(2026, 3, 2), "es", ContactChannel.SMS, "+50760001234",
				null, true, 0, Instant.parse("2026-03-02T15:00:00Z"));
		CaseFacts facts = FactsFromEvents.apply(null, opened);
		facts = FactsFromEvents.apply(facts,
				new org.plazo.events.cases.ArrivalDateCorrected("c1", LocalDate.of(2026, 3, 4)));

		assertThat(FactsFromEvents.apply(facts, opened).arrivalDate()).isEqualTo(LocalDate.of(2026, 3, 4));
	}

}
