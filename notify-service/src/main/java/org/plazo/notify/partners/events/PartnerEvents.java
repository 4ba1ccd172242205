package org.plazo.notify.partners.events;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import org.plazo.events.EventCodec;
import org.plazo.notify.partners.ngos.CaseReferences;
import org.plazo.notify.partners.ngos.Ngo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Turns a kept event into the CloudEvent one organisation receives: the same id, type,
 * source and time; subject and {@code data.caseRef} the organisation's reference to the
 * case; internal ids turned into its references; and, only where the applicant agreed to
 * share contact details with it, {@code data.contact} with the phone and email.
 */
@Component
public class PartnerEvents {

	/** The CloudEvents extension attribute naming the organisation on the Kafka feed. */
	public static final String NGO_EXTENSION = "plazongo";

	private final ContactDetails contacts;

	private final JsonMapper json = JsonMapper.builder().build();

	private final JsonFormat structured = new JsonFormat();

	public PartnerEvents(ContactDetails contacts) {
		this.contacts = contacts;
	}

	/**
	 * @param event the kept event
	 * @param ngo the organisation it is for
	 * @param withContact whether the applicant's contact details may go with it
	 */
	public CloudEvent render(StoredEvent event, Ngo ngo, boolean withContact) {
		String caseRef = CaseReferences.caseRef(ngo, event.caseId());
		ObjectNode data = (ObjectNode) this.json.readTree(event.data());
		ObjectNode shared = data.objectNode();
		shared.put("caseRef", caseRef);
		for (Map.Entry<String, JsonNode> field : data.properties()) {
			String kind = Minimisation.REFERENCES.get(field.getKey());
			if (kind != null) {
				shared.put(kind + "Ref", CaseReferences.ref(ngo, kind, field.getValue().asString()));
			}
			else {
				shared.set(field.getKey(), field.getValue());
			}
		}
		Optional<Contact> contact = withContact ? this.contacts.of(event.caseId()) : Optional.empty();
		contact.ifPresent((details) -> {
			ObjectNode node = shared.putObject("contact");
			if (details.phone() != null) {
				node.put("phone", details.phone());
			}
			if (details.email() != null) {
				node.put("email", details.email());
			}
		});
		return CloudEventBuilder.v1()
			.withId(event.id())
			.withType(event.type())
			.withSource(URI.create(event.source()))
			.withSubject(caseRef)
			.withTime(event.time().atOffset(ZoneOffset.UTC))
			.withDataContentType(EventCodec.JSON)
			.withExtension(NGO_EXTENSION, ngo.id())
			.withData(EventCodec.JSON, this.json.writeValueAsBytes(shared))
			.build();
	}

	/** The event in CloudEvents structured mode (JSON), as a webhook's body. */
	public byte[] structured(CloudEvent event) {
		return this.structured.serialize(event);
	}

}
