package org.plazo.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7's log scan: the whole flow runs for an invented applicant with a distinctive
 * name, phone and email (case opened, deadline computed, reminder sent by SMS, the person
 * texts back), with our own loggers at DEBUG, and nothing the stack logs, in any line,
 * argument, key-value pair, MDC entry or exception, names them, in any format.
 */
@ExtendWith(SharedStack.class)
class PersonalDataInLogsTests {

	static final String NAME = "Zoltana Quibbleworth";

	static final String MEMBER = "Pipkin Quibbleworth";

	static final String PHONE = "+50760004321";

	static final String EMAIL = "zoltana.quibbleworth@example.org";

	/** Every form in which the person could show up. */
	static final List<String> FORBIDDEN = List.of("Zoltana", "Quibbleworth", "Pipkin", PHONE, "50760004321", "60004321",
			"6000-4321", "6000 4321", "507 6000", EMAIL, "zoltana.quibbleworth");

	static final ConcurrentLinkedQueue<String> captured = new ConcurrentLinkedQueue<>();

	static final Capture capture = new Capture();

	static final ByteArrayOutputStream console = new ByteArrayOutputStream();

	static PrintStream out;

	static PrintStream err;

	static Api api;

	@BeforeAll
	static void captureEverythingLogged() {
		api = new Api(SharedStack.stack());
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		capture.setContext(context);
		capture.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
		context.getLogger("org.plazo").setLevel(Level.DEBUG);
		// And whatever is printed outside the logging system.
		out = System.out;
		err = System.err;
		System.setOut(new PrintStream(new Tee(out), true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(new Tee(err), true, StandardCharsets.UTF_8));
		// 9:00 in Panama on Tue 10 Mar 2026.
		SharedStack.stack().clock().set(Instant.parse("2026-03-10T14:00:00Z"));
	}

	@AfterAll
	static void stopCapturing() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
		context.getLogger("org.plazo").setLevel(null);
		System.setOut(out);
		System.setErr(err);
	}

	@Test
	void logsNoNamePhoneOrEmailOfThePersonThroughTheWholeFlow() {
		String caseId = api.openCase("""
				{"applicant": {"name": "%s", "preferredLanguage": "es", "phone": "%s",
				               "email": "%s", "preferredChannel": "SMS", "consentToContact": true,
				               "consentNoticeVersion": "2026-11"},
				 "arrivalDate": "2026-03-03",
				 "household": [{"name": "%s", "relationship": "CHILD", "birthDate": "2020-02-02"}]}""".formatted(NAME,
				PHONE, EMAIL, MEMBER));
		await().atMost(Duration.ofSeconds(60)).until(() -> api.deadline(caseId, "FILING_WINDOW") != null);
		// A refused request names the person too: its problem and logs must not.
		api.post(org.plazo.stack.PlazoService.CASE, "/api/v1/cases", """
				{"applicant": {"name": "%s", "preferredLanguage": "xx", "phone": "%s", "email": "%s@@",
				               "preferredChannel": "SMS", "consentToContact": true,
				               "consentNoticeVersion": "2026-11"},
				 "arrivalDate": "2999-01-01", "household": []}""".formatted(NAME, PHONE, EMAIL));

		// Sixty days before the last day (Fri 4 Sep 2026), just after 8:00 in Panama.
		SharedStack.stack().clock().set(Instant.parse("2026-07-06T13:00:30Z"));
		int reminders = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.smsTo(PHONE), (sms) -> !sms.isEmpty())
			.size();

		api.textFrom(PHONE, "PLAZO");
		api.textFrom(PHONE, "Soy " + NAME + ", mi correo es " + EMAIL);
		await().atMost(Duration.ofSeconds(60)).until(() -> api.smsTo(PHONE), (sms) -> sms.size() >= reminders + 2);

		List<String> lines = List.copyOf(captured);
		String printed = console.toString(StandardCharsets.UTF_8);
		assertThat(lines).as("log events captured").isNotEmpty();
		for (String forbidden : FORBIDDEN) {
			assertThat(lines.stream().filter((line) -> line.contains(forbidden)).toList())
				.as("log lines naming '%s'", forbidden)
				.isEmpty();
			assertThat(printed).as("console output").doesNotContain(forbidden);
		}
	}

	/** Everything about a logging event that an appender could write. */
	static final class Capture extends AppenderBase<ILoggingEvent> {

		@Override
		protected void append(ILoggingEvent event) {
			StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
				.append(event.getFormattedMessage())
				.append(' ')
				.append(event.getMDCPropertyMap());
			if (event.getArgumentArray() != null) {
				for (Object argument : event.getArgumentArray()) {
					line.append(' ').append(argument);
				}
			}
			if (event.getKeyValuePairs() != null) {
				line.append(' ').append(event.getKeyValuePairs());
			}
			for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
				line.append(' ').append(thrown.getClassName()).append(": ").append(thrown.getMessage());
				for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
					line.append(' ').append(frame);
				}
			}
			captured.add(line.toString());
		}

	}

	/** Copies what is printed to the console, and prints it. */
	static final class Tee extends java.io.OutputStream {

		private final PrintStream target;

		Tee(PrintStream target) {
			this.target = target;
		}

		@Override
		public void write(int b) {
			synchronized (console) {
				console.write(b);
			}
			this.target.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			synchronized (console) {
				console.write(bytes, offset, length);
			}
			this.target.write(bytes, offset, length);
		}

	}

}
