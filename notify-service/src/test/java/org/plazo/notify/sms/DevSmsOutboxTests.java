package org.plazo.notify.sms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DevSmsOutboxTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-08-04T12:00:00Z"), ZoneOffset.UTC);

	@Test
	void appendsEachMessageAsOneJsonLine(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("sms/outbox.jsonl");
		DevSmsOutbox outbox = new DevSmsOutbox(file, this.clock);

		SmsReceipt first = outbox.send(new SmsMessage("r-1:SMS", "case-1", "+50760001234", "Plazo: hola"));
		outbox.send(new SmsMessage("r-2:SMS", "case-1", "+50760001234", "a".repeat(161)));

		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(2);
		JsonNode line = JsonMapper.builder().build().readTree(lines.get(0));
		assertThat(line.get("sentAt").asString()).isEqualTo("2026-08-04T12:00:00Z");
		assertThat(line.get("notificationId").asString()).isEqualTo("r-1:SMS");
		assertThat(line.get("caseId").asString()).isEqualTo("case-1");
		assertThat(line.get("to").asString()).isEqualTo("+50760001234");
		assertThat(line.get("text").asString()).isEqualTo("Plazo: hola");
		assertThat(line.get("segments").asInt()).isEqualTo(1);
		assertThat(first).isEqualTo(new SmsReceipt(DevSmsOutbox.PROVIDER, 1));
	}

	@Test
	void messageToStringHoldsNoPersonalData() {
		assertThat(new SmsMessage("r-1:SMS", "case-1", "+50760001234", "Plazo: hola")).asString()
			.doesNotContain("+50760001234")
			.doesNotContain("hola");
	}

}
