package org.plazo.notify.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The SMS "provider" of the embedded default and of tests: appends each message as one
 * JSON line to a file, where a person can read what would have reached the phone. The
 * file holds phone numbers and texts; the logs never do.
 */
@Component
@ConditionalOnSmsProvider("dev")
class DevSmsOutbox implements SmsProvider {

	static final String PROVIDER = "dev-outbox";

	private static final Logger log = LoggerFactory.getLogger(DevSmsOutbox.class);

	private final Path file;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	DevSmsOutbox(@Value("${plazo.sms.dev.outbox}") Path file, Clock clock) {
		this.file = file.toAbsolutePath();
		this.clock = clock;
		log.info("SMS messages are written to {}", this.file);
	}

	@Override
	public String name() {
		return "dev";
	}

	@Override
	public synchronized SmsReceipt send(SmsMessage message) {
		SmsSegments segments = SmsSegments.of(message.text());
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("sentAt", this.clock.instant().toString());
		line.put("notificationId", message.notificationId());
		line.put("caseId", message.caseId());
		line.put("to", message.to());
		line.put("encoding", segments.encoding().name());
		line.put("segments", segments.segments());
		line.put("text", message.text());
		try {
			Files.createDirectories(this.file.getParent());
			Files.writeString(this.file, this.json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not append to the dev SMS outbox", ex);
		}
		return new SmsReceipt(PROVIDER, segments.segments());
	}

}
