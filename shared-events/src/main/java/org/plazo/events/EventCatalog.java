package org.plazo.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.plazo.events.cases.CaseOpened;
import org.plazo.events.deadlines.DeadlineScheduled;
import org.plazo.events.deadlines.ReminderDue;
import org.plazo.events.notifications.NotificationFailed;
import org.plazo.events.notifications.NotificationSent;

/**
 * Every event type Plazo puts on the wire. A type name is never reused for another
 * meaning: a breaking change is a new name with a new version suffix.
 */
public final class EventCatalog {

	public static final EventType<CaseOpened> CASE_OPENED = new EventType<>("org.plazo.case.opened.v1",
			CaseOpened.class, Topics.CASE_EVENTS);

	public static final EventType<DeadlineScheduled> DEADLINE_SCHEDULED = new EventType<>(
			"org.plazo.deadline.scheduled.v1", DeadlineScheduled.class, Topics.DEADLINE_EVENTS);

	public static final EventType<ReminderDue> REMINDER_DUE = new EventType<>("org.plazo.reminder.due.v1",
			ReminderDue.class, Topics.DEADLINE_EVENTS);

	public static final EventType<NotificationSent> NOTIFICATION_SENT = new EventType<>(
			"org.plazo.notification.sent.v1", NotificationSent.class, Topics.NOTIFICATION_EVENTS);

	public static final EventType<NotificationFailed> NOTIFICATION_FAILED = new EventType<>(
			"org.plazo.notification.failed.v1", NotificationFailed.class, Topics.NOTIFICATION_EVENTS);

	public static final List<EventType<?>> ALL = List.of(CASE_OPENED, DEADLINE_SCHEDULED, REMINDER_DUE,
			NOTIFICATION_SENT, NOTIFICATION_FAILED);

	private static final Map<String, EventType<?>> BY_NAME = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

	private static final Map<Class<?>, EventType<?>> BY_CLASS = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

	private EventCatalog() {
	}

	public static Optional<EventType<?>> byName(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	public static EventType<?> of(PlazoEvent event) {
		EventType<?> type = BY_CLASS.get(event.getClass());
		if (type == null) {
			throw new IllegalArgumentException("No event type registered for " + event.getClass().getSimpleName());
		}
		return type;
	}

}
