package org.plazo.notify.partners.webhooks;

import java.util.List;
import java.util.Set;

import org.plazo.events.EventCatalog;
import org.plazo.events.EventType;
import org.plazo.notify.partners.events.Minimisation;

/**
 * The event types an endpoint may ask for: a CloudEvents type name partners receive, a
 * wildcard per stream ({@code org.plazo.case.*}, {@code org.plazo.deadline.*},
 * {@code org.plazo.reminder.*}, {@code org.plazo.notification.*}), or {@code *}.
 */
final class EventTypes {

	static final int MAX = 40;

	static final Set<String> WILDCARDS = Set.of("*", "org.plazo.case.*", "org.plazo.deadline.*", "org.plazo.reminder.*",
			"org.plazo.notification.*");

	private EventTypes() {
	}

	static boolean known(String pattern) {
		return WILDCARDS.contains(pattern)
				|| (EventCatalog.byName(pattern).isPresent() && Minimisation.relayed(pattern));
	}

	static boolean matches(List<String> patterns, String type) {
		for (String pattern : patterns) {
			if (pattern.equals("*") || pattern.equals(type)
					|| (pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
				return true;
			}
		}
		return false;
	}

	/** Every type partners can receive, for the error detail. */
	static List<String> relayed() {
		return EventCatalog.ALL.stream().map(EventType::name).filter(Minimisation::relayed).toList();
	}

}
