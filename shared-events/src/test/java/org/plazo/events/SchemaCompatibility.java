package org.plazo.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Compares a schema with the one last published under the same type name. Adding optional
 * properties is allowed; removing or retyping a property, or requiring a new one, breaks
 * consumers or producers still on the published contract.
 */
final class SchemaCompatibility {

	private SchemaCompatibility() {
	}

	static List<String> breakingChanges(JsonNode published, JsonNode current) {
		List<String> problems = new ArrayList<>();
		JsonNode publishedProperties = published.path("properties");
		JsonNode currentProperties = current.path("properties");
		for (Map.Entry<String, JsonNode> property : publishedProperties.properties()) {
			JsonNode now = currentProperties.get(property.getKey());
			if (now == null) {
				problems.add("removed property '" + property.getKey() + "'");
			}
			else if (!property.getValue().path("type").equals(now.path("type"))) {
				problems.add("retyped property '" + property.getKey() + "' from " + property.getValue().path("type")
						+ " to " + now.path("type"));
			}
			else if (!property.getValue().path("format").equals(now.path("format"))) {
				problems.add("changed format of '" + property.getKey() + "'");
			}
		}
		Set<String> publishedRequired = new HashSet<>();
		published.path("required").forEach((name) -> publishedRequired.add(name.asString()));
		current.path("required").forEach((name) -> {
			if (!publishedRequired.contains(name.asString())) {
				problems.add("newly required property '" + name.asString() + "'");
			}
		});
		return problems;
	}

}
