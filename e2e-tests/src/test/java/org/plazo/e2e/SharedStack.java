package org.plazo.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.plazo.stack.LocalStack;
import org.plazo.stack.PlazoService;
import org.plazo.stack.RunningStack;
import org.plazo.stack.Settings;

/**
 * Starts the whole embedded stack once for all end-to-end test classes and stops it when
 * the run ends. Each test class sets the shared clock to the moment its story begins.
 */
class SharedStack implements BeforeAllCallback {

	private static RunningStack stack;

	private static TwilioFake twilio;

	static RunningStack stack() {
		return stack;
	}

	/** SMS leave through Twilio's API, faked at the HTTP level. */
	static TwilioFake twilio() {
		return twilio;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		synchronized (SharedStack.class) {
			if (stack == null) {
				twilio = new TwilioFake();
				stack = start();
				context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedStack.class, new Closer());
			}
		}
	}

	private static RunningStack start() throws Exception {
		Path data = Files.createTempDirectory("plazo-e2e");
		List<String> arguments = new ArrayList<>(
				List.of("--plazo.dispatcher.poll-interval=PT0.5S", "--plazo.dispatcher.lookahead=PT2S",
						"--plazo.reminders.catch-up-delay=PT10S", "--plazo.notify.deferred.poll-interval=PT0.5S"));
		arguments.addAll(twilio.serviceArguments());
		return LocalStack.start(Settings.forTests(data)
			.withServices(PlazoService.values())
			.withReminderDemoOffset(null)
			.withServiceArguments(arguments.toArray(String[]::new)));
	}

	private static final class Closer implements AutoCloseable {

		@Override
		public void close() throws IOException {
			stack.close();
			twilio.close();
		}

	}

}
