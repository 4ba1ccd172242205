package org.plazo.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the dev SMS outbox: one JSON object per line, appended by notify-service's dev
 * adapter. The reader is lenient because another module owns the format: it skips lines
 * it cannot parse (such as one being written right now) and accepts a few names for each
 * field.
 */
final class SmsOutbox {

	private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
	};

	private final Path file;

	private final JsonMapper json = JsonMapper.builder().build();

	SmsOutbox(Path file) {
		this.file = file;
	}

	Path file() {
		return this.file;
	}

	/**
	 * The messages written so far, oldest first; none when the file does not exist yet.
	 */
	List<OutboxSms> messages() {
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the SMS outbox " + this.file, ex);
		}
		List<OutboxSms> messages = new ArrayList<>();
		for (String line : lines) {
			if (!line.isBlank()) {
				parse(line.trim(), messages);
			}
		}
		return messages;
	}

	private void parse(String line, List<OutboxSms> messages) {
		try {
			Map<String, Object> fields = this.json.readValue(line, FIELDS);
			messages
				.add(new OutboxSms(first(fields, "to", "recipient", "phone"), first(fields, "body", "text", "message"),
						first(fields, "at", "sentAt", "timestamp", "time"), fields));
		}
		catch (JacksonException ex) {
			// Not a JSON object (or half written): leave it out.
		}
	}

	private static String first(Map<String, Object> fields, String... names) {
		for (String name : names) {
			Object value = fields.get(name);
			if (value != null) {
				return String.valueOf(value);
			}
		}
		return null;
	}

}
