package org.plazo.events;

/**
 * One event type on the wire: its CloudEvents type name, the record that carries its
 * data, and the topic it travels on.
 *
 * @param <T> the record type
 * @param name the CloudEvents {@code type}, e.g. {@code org.plazo.case.opened.v1}
 * @param javaType the record carrying the event's data
 * @param topic the Kafka topic of its stream
 */
public record EventType<T extends PlazoEvent>(String name, Class<T> javaType, String topic) {

	/** Where the JSON schema of this type lives on the classpath. */
	public String schemaResource() {
		return "/schemas/" + this.name + ".json";
	}

}
