package org.plazo.deadlines.security;

import java.util.Set;

import io.cloudevents.CloudEvent;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.MalformedEventException;
import org.plazo.events.Topics;
import org.plazo.events.cases.CaseworkerAssigned;
import org.plazo.events.cases.PersonErased;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link CaseAssignments} from the case events in a consumer group of its own
 * ({@code deadline-service-access}), so deadline tracking's offsets and failures do not
 * hold it back. Other event types are skipped.
 */
@Component
class CaseAssignmentsListener {

	static final String GROUP = "deadline-service-access";

	private static final Set<String> WANTED = Set.of(EventCatalog.CASEWORKER_ASSIGNED.name(),
			EventCatalog.PERSON_ERASED.name());

	private final CaseAssignments assignments;

	private final EventCodec codec = new EventCodec();

	CaseAssignmentsListener(CaseAssignments assignments) {
		this.assignments = assignments;
	}

	@KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.CASE_EVENTS)
	void on(CloudEvent event) {
		if (event == null) {
			throw new MalformedEventException("Record has no CloudEvent");
		}
		if (!WANTED.contains(event.getType())) {
			// Most case events: not decoded at all (a third of this consumer's CPU went
			// to decoding events it then skipped). A new version of either type must be
			// added here.
			return;
		}
		this.codec.fromCloudEvent(event).ifPresent((envelope) -> {
			if (envelope.data() instanceof CaseworkerAssigned assigned) {
				this.assignments.assign(assigned);
			}
			else if (envelope.data() instanceof PersonErased erased) {
				this.assignments.forget(erased.caseId());
			}
		});
	}

}
