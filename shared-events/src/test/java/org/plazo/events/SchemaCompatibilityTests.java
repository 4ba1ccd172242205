package org.plazo.events;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas under {@code src/test/resources/schema-baseline} are the contracts as last
 * published. Copy a schema there only after an additive change; a breaking change needs a
 * new type name.
 */
class SchemaCompatibilityTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyPublishedSchemaIsStillCompatible() throws IOException {
		for (EventType<?> type : EventCatalog.ALL) {
			JsonNode published = read("/schema-baseline/" + type.name() + ".json");
			JsonNode current = read(type.schemaResource());
			assertThat(SchemaCompatibility.breakingChanges(published, current)).as(type.name()).isEmpty();
		}
	}

	@Test
	void addingAnOptionalPropertyIsCompatible() throws IOException {
		JsonNode published = read("/schema-baseline/org.plazo.case.opened.v1.json");
		ObjectNode changed = (ObjectNode) published.deepCopy();
		((ObjectNode) changed.get("properties")).putObject("nickname").put("type", "string");
		assertThat(SchemaCompatibility.breakingChanges(published, changed)).isEmpty();
	}

	@Test
	void detectsARemovedProperty() throws IOException {
		JsonNode published = read("/schema-baseline/org.plazo.case.opened.v1.json");
		ObjectNode changed = (ObjectNode) published.deepCopy();
		((ObjectNode) changed.get("properties")).remove("arrivalDate");
		assertThat(SchemaCompatibility.breakingChanges(published, changed))
			.containsExactly("removed property 'arrivalDate'");
	}

	@Test
	void detectsARetypedProperty() throws IOException {
		JsonNode published = read("/schema-baseline/org.plazo.reminder.due.v1.json");
		ObjectNode changed = (ObjectNode) published.deepCopy();
		((ObjectNode) changed.get("properties").get("lastDay")).put("type", "integer");
		assertThat(SchemaCompatibility.breakingChanges(published, changed)).singleElement()
			.asString()
			.startsWith("retyped property 'lastDay'");
	}

	@Test
	void detectsANewlyRequiredProperty() throws IOException {
		JsonNode published = read("/schema-baseline/org.plazo.case.opened.v1.json");
		ObjectNode changed = (ObjectNode) published.deepCopy();
		changed.withArray("required").add("email");
		assertThat(SchemaCompatibility.breakingChanges(published, changed))
			.containsExactly("newly required property 'email'");
	}

	private JsonNode read(String resource) throws IOException {
		try (InputStream in = getClass().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return this.json.readTree(in);
		}
	}

}
