package org.plazo.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemaTests {

	private static final SchemaRegistry registry = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final EventCodec codec = new EventCodec();

	private final JsonMapper json = JsonMapper.builder().build();

	static Stream<PlazoEvent> samples() {
		return EventSamples.all().stream();
	}

	@Test
	void everyRegisteredTypeHasASampleAndASchema() throws IOException {
		assertThat(EventSamples.all()).extracting((event) -> EventCatalog.of(event).name())
			.containsExactlyInAnyOrderElementsOf(EventCatalog.ALL.stream().map(EventType::name).toList());
		for (EventType<?> type : EventCatalog.ALL) {
			try (InputStream in = getClass().getResourceAsStream(type.schemaResource())) {
				assertThat(in).as(type.schemaResource()).isNotNull();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("samples")
	void serializedEventIsValidAgainstItsSchema(PlazoEvent event) throws IOException {
		String body = new String(this.codec.toJson(event));
		assertThat(validate(EventCatalog.of(event), body)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("samples")
	void schemaRejectsEventWithoutItsCaseId(PlazoEvent event) throws IOException {
		ObjectNode node = (ObjectNode) this.json.readTree(this.codec.toJson(event));
		node.remove("caseId");
		assertThat(validate(EventCatalog.of(event), node.toString())).isNotEmpty();
	}

	private List<Error> validate(EventType<?> type, String body) throws IOException {
		try (InputStream in = getClass().getResourceAsStream(type.schemaResource())) {
			Schema schema = registry.getSchema(in, InputFormat.JSON);
			return schema.validate(body, InputFormat.JSON);
		}
	}

}
