package org.plazo.stack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SmsOutboxTests {

	@TempDir
	Path dataDirectory;

	@Test
	void readsOneMessagePerLineAndSkipsWhatIsNotJson() throws Exception {
		Path file = this.dataDirectory.resolve("outbox.jsonl");
		Files.writeString(file,
				"""
						{"to": "+50760001234", "body": "Su plazo vence el 2026-09-03", "at": "2026-03-03T14:00:00Z", "language": "es"}

						not json at all
						{"recipient": "+50760001235", "text": "Your deadline is 2026-09-03", "sentAt": "2026-03-03T14:01:00Z"}
						{"to": "+5076000""");
		assertThat(new SmsOutbox(file).messages()).satisfiesExactly((first) -> {
			assertThat(first.to()).isEqualTo("+50760001234");
			assertThat(first.body()).isEqualTo("Su plazo vence el 2026-09-03");
			assertThat(first.at()).isEqualTo("2026-03-03T14:00:00Z");
			assertThat(first.fields()).containsEntry("language", "es");
		}, (second) -> {
			assertThat(second.to()).isEqualTo("+50760001235");
			assertThat(second.body()).isEqualTo("Your deadline is 2026-09-03");
			assertThat(second.at()).isEqualTo("2026-03-03T14:01:00Z");
		});
	}

	@Test
	void isEmptyBeforeTheFirstMessage() {
		assertThat(new SmsOutbox(this.dataDirectory.resolve("sms/outbox.jsonl")).messages()).isEmpty();
	}

}
