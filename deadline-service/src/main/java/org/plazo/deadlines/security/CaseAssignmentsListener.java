package org.plazo.deadlines.security;

import io.cloudevents.CloudEvent;
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
