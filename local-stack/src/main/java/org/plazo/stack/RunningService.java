package org.plazo.stack;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * One of the services, running in this JVM.
 *
 * @param service which service
 * @param context its application context
 * @param port the HTTP port it listens on
 */
record RunningService(PlazoService service, ConfigurableApplicationContext context, int port) implements AutoCloseable {

	String url() {
		return "http://localhost:" + this.port;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
