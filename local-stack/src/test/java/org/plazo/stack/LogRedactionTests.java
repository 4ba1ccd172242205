package org.plazo.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;

import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plazo.cases.CaseServiceApplication;
import org.plazo.deadlines.DeadlineServiceApplication;
import org.plazo.notify.NotifyServiceApplication;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The masking under the rule that nothing personal is logged: each service's console
 * pattern and JSON customizer hide an invented person's phone, in every format, and
 * email, in the message and in an exception, and leave ids, dates and counts readable.
 */
class LogRedactionTests {

	private static final String PHONE = "+50761239876";

	private static final String EMAIL = "ines.prueba+avisos@example.org";

	private static final String MESSAGE = "sms to " + PHONE + ", +507 6123-9876 and 50761239876, mail " + EMAIL
			+ "; case 7c9e6679-7425-40de-944b-e07fc1f90ae7 due 2026-12-04, 12345 reminders";

	static Stream<Arguments> services() {
		return Stream.of(Arguments.of(CaseServiceApplication.class), Arguments.of(DeadlineServiceApplication.class),
				Arguments.of(NotifyServiceApplication.class));
	}

	@ParameterizedTest
	@MethodSource("services")
	void consolePatternMasksPhonesAndEmailsInMessagesAndExceptions(Class<?> application) throws Exception {
		Properties properties = ownResource(application, "application.properties");
		LoggerContext context = new LoggerContext();
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		// Boot resolves these placeholders; here they only need to stay out of the way.
		layout.setPattern(properties.getProperty("logging.pattern.console")
			.replace("${PID:-}", "")
			.replace("${LOG_CORRELATION_PATTERN:-}", "")
			.replace("%wEx", "%ex"));
		layout.start();
		LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.WARN, MESSAGE,
				new IllegalStateException("refused for " + EMAIL + " at " + PHONE), null);

		String line = layout.doLayout(event);

		assertThat(line).doesNotContain(PHONE, "6123-9876", "50761239876", EMAIL, "ines.prueba")
			.contains("[redacted]", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "2026-12-04", "12345 reminders",
					"IllegalStateException");
	}

	@ParameterizedTest
	@MethodSource("services")
	@SuppressWarnings("unchecked")
	void jsonCustomizerMasksEveryStringMember(Class<?> application) throws Exception {
		Properties properties = ownResource(application, "application-json.properties");
		String name = properties.getProperty("logging.structured.json.customizer");
		assertThat(name).startsWith(application.getPackageName());
		var customizer = (StructuredLoggingJsonMembersCustomizer<Object>) Class.forName(name)
			.getDeclaredConstructor()
			.newInstance();
		JsonWriter<ILoggingEvent> writer = JsonWriter.of((members) -> {
			members.add("message", ILoggingEvent::getFormattedMessage);
			members.add("error", (Function<ILoggingEvent, String>) (e) -> "refused for " + EMAIL);
			customizer.customize((JsonWriter.Members<Object>) (JsonWriter.Members<?>) members);
		});
		LoggingEvent event = new LoggingEvent("test", new LoggerContext().getLogger("test"), Level.INFO, MESSAGE, null,
				null);

		String json = writer.writeToString(event);

		assertThat(json).doesNotContain(PHONE, "50761239876", EMAIL).contains("[redacted]", "12345 reminders");
	}

	@ParameterizedTest
	@MethodSource("services")
	void everyServiceAndTheStackMaskWithTheSameExpression(Class<?> application) throws Exception {
		String expression = ownResource(application, "application.properties").getProperty("logging.pattern.console")
			.replaceAll("^.*%replace\\(%m%n%wEx\\)\\{'", "")
			.replaceAll("', '\\[redacted\\]'\\}$", "");
		String stack;
		try (InputStream in = getClass().getResourceAsStream("/local-stack-logback.xml")) {
			stack = new String(in.readAllBytes()).replace("&lt;", "<").replace("&amp;", "&");
		}
		assertThat(stack).contains("%replace(%msg%n%ex){'" + expression + "', '[redacted]'}");
		Object json = Class.forName(application.getPackageName() + ".observability.RedactingJsonMembers")
			.getField("PERSONAL")
			.get(null);
		assertThat(expression).isEqualTo(((java.util.regex.Pattern) json).pattern());
	}

	/**
	 * The resource in the service's own classes, not whichever the classpath lists first.
	 */
	private static Properties ownResource(Class<?> application, String name) throws IOException {
		URL location = application.getProtectionDomain().getCodeSource().getLocation();
		try (URLClassLoader own = new URLClassLoader(new URL[] { location }, null);
				InputStream in = own.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			Properties properties = new Properties();
			properties.load(in);
			return properties;
		}
	}

}
