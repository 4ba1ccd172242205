package org.plazo.cases.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the operator console ({@code plazo.console.*}).
 *
 * @param deadlineServiceUrl base URL of deadline-service
 * @param notifyServiceUrl base URL of notify-service
 * @param timeout how long to wait for another service before saying it is unreachable
 * @param users who may log in; none by default
 */
@ConfigurationProperties("plazo.console")
record ConsoleProperties(@DefaultValue("http://localhost:8082") URI deadlineServiceUrl,
		@DefaultValue("http://localhost:8083") URI notifyServiceUrl, @DefaultValue("PT5S") Duration timeout,
		List<User> users) {

	ConsoleProperties {
		users = (users != null) ? List.copyOf(users) : List.of();
	}

	/**
	 * A console user.
	 *
	 * @param username the login name
	 * @param passwordHash the password's bcrypt hash ({@code $2a$...}, with or without
	 * {@code {bcrypt}} before it), never the password
	 * @param role what the user may do
	 */
	record User(String username, String passwordHash, Role role) {

	}

	/** Operators act; viewers read, and never see a phone number or an email. */
	enum Role {

		OPERATOR, VIEWER

	}

}
