package org.plazo.stack;

/**
 * The three services the stack runs, with their default ports and databases (see
 * {@code docs/development.md}). Their application classes are named, not referenced, so
 * this module builds without them.
 */
public enum PlazoService {

	/** Registers cases and publishes their events. */
	CASE("case-service", "org.plazo.cases.CaseServiceApplication", 8081, "plazo-cases"),

	/** Computes deadlines and fires reminders. */
	DEADLINE("deadline-service", "org.plazo.deadlines.DeadlineServiceApplication", 8082, "plazo-deadlines"),

	/** Sends the reminders by SMS and email. */
	NOTIFY("notify-service", "org.plazo.notify.NotifyServiceApplication", 8083, "plazo-notify");

	private final String serviceName;

	private final String applicationClassName;

	private final int defaultPort;

	private final String database;

	PlazoService(String serviceName, String applicationClassName, int defaultPort, String database) {
		this.serviceName = serviceName;
		this.applicationClassName = applicationClassName;
		this.defaultPort = defaultPort;
		this.database = database;
	}

	public String serviceName() {
		return this.serviceName;
	}

	public String applicationClassName() {
		return this.applicationClassName;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	public String database() {
		return this.database;
	}

}
